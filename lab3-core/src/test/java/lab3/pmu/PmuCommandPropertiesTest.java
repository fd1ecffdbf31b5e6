package lab3.pmu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link PmuCommand#parse} on arbitrary input: a command or an IllegalArgumentException. */
class PmuCommandPropertiesTest {

  @Provide
  Arbitrary<byte[]> hostile() {
    return HostileInput.commandBytes();
  }

  @Property(tries = 3000)
  void arbitraryBytesParseToACommandOrIllegalArgument(@ForAll("hostile") byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    PmuCommand command;
    try {
      command = PmuCommand.parse(text);
    } catch (IllegalArgumentException expected) {
      return;
    }
    assertEquals(command, PmuCommand.parse(command.wire()), "wire form parses back: " + text);
  }

  @Property(tries = 3000)
  void arbitraryUnicodeParsesToACommandOrIllegalArgument(@ForAll String text) {
    try {
      PmuCommand.parse(text);
    } catch (IllegalArgumentException expected) {
      // documented
    }
  }

  @Property(tries = 2000)
  void everyIntervalInRangeRoundTripsThroughItsWireForm(
      @ForAll @IntRange(min = 0, max = 3_600_000) int millis) {
    PmuCommand.Short command = new PmuCommand.Short(Duration.ofMillis(millis));
    assertEquals(command, PmuCommand.parse(command.wire()));
  }
}
