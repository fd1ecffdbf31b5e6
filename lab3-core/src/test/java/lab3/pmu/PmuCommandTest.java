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
  void intervalKeepsEveryDigitUpToMilliseconds() {
    assertEquals(Duration.ofMillis(50), interval("CMD_short:0.05"));
    assertEquals(Duration.ofMillis(1500), interval("CMD_short:1.5"));
    assertEquals(Duration.ofMillis(2007), interval("CMD_short:2.007"));
    assertEquals(Duration.ofSeconds(3600), interval("CMD_short:3600.000"));
    assertEquals(Duration.ofSeconds(7), interval("CMD_short:0000007"));
    assertEquals(Duration.ZERO, interval("CMD_short:0.000"));
  }

  private static Duration interval(String text) {
    return ((PmuCommand.Short) PmuCommand.parse(text)).interval();
  }

  @Test
  void wireFormOfWholeAndFractionalSecondsIsTheShortestDecimal() {
    assertEquals("CMD_short:3600", PmuCommand.Short.seconds(3600).wire());
    assertEquals("CMD_short:0.05", PmuCommand.parse("CMD_short:0.050").wire());
    assertEquals("CMD_short:1.5", PmuCommand.parse("CMD_short:1.500").wire());
    assertEquals("CMD_short:10", PmuCommand.parse("CMD_short:10.000").wire());
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
        "CMD_short:3600.001",
        "CMD_short:1.",
        "CMD_short:.5",
        "CMD_short:1.2.3",
        "CMD_short:0.5s",
        "CMD_short:12345678",
        "CMD_short:+1",
        "CMD_short:\u0661",
        "CMD_short:1 000",
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
