package lab3.pmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PmuCommandTest {

  @Test
  void shortCommandCarriesItsIntervalInSeconds() {
    assertEquals(new PmuCommand.Short(Duration.ZERO), PmuCommand.parse("CMD_short:0"));
    assertEquals(new PmuCommand.Short(Duration.ofSeconds(1)), PmuCommand.parse("CMD_short:1"));
    assertEquals(new PmuCommand.Short(Duration.ofMillis(500)), PmuCommand.parse("CMD_short:0.5"));
  }

  @Test
  void floodmeParses() {
    assertEquals(new PmuCommand.Floodme(), PmuCommand.parse("CMD_floodme"));
  }

  @Test
  void keywordIsMatchedWithoutRegardToCaseAsTheLabTextWritesBoth() {
    assertEquals(PmuCommand.parse("CMD_short:0"), PmuCommand.parse("CMD_SHORT:0"));
    assertEquals(new PmuCommand.Floodme(), PmuCommand.parse("cmd_FLOODME"));
  }

  @Test
  void trailingNewlineFromTheWireIsIgnored() {
    assertEquals(PmuCommand.parse("CMD_short:1"), PmuCommand.parse("CMD_short:1\r\n"));
  }

  @Test
  void wireFormIsWhatTheLabsClientSends() {
    assertEquals("CMD_short:0", PmuCommand.parse("CMD_short:0").wire());
    assertEquals("CMD_short:1", PmuCommand.Short.seconds(1).wire());
    assertEquals("CMD_short:0.25", PmuCommand.parse("CMD_short:0.25").wire());
    assertEquals("CMD_floodme", new PmuCommand.Floodme().wire());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "CMD_short",
        "CMD_short:",
        "CMD_short:-1",
        "CMD_short:x",
        "CMD_short:1e3",
        "CMD_short:0.0001",
        "CMD_short:3601",
        "CMD_flood",
        "CMD_floodmeplease",
        "HELLO"
      })
  void malformedCommandsAreRefusedWithAReason(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PmuCommand.parse(text));
    assertTrue(e.getMessage().length() > 10, e.getMessage());
  }

  @Test
  void overlongCommandIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> PmuCommand.parse("CMD_short:" + "0".repeat(60)));
    assertTrue(PmuCommand.tryParse("x".repeat(1000)).isEmpty());
  }
}
