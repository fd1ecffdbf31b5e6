package lab3.pmu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PmuCommand#parse} on arbitrary input: a command whose wire form parses back to it, or an
 * IllegalArgumentException. Fuzz target (Jazzer): {@code ./mvnw verify} replays the seed corpus in
 * {@code src/test/resources/lab3/pmu/PmuCommandFuzzTestInputs/}; {@code JAZZER_FUZZ=1} explores.
 */
class PmuCommandFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void arbitraryBytesParseToACommandOrIllegalArgument(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    PmuCommand command;
    try {
      command = PmuCommand.parse(text);
    } catch (IllegalArgumentException expected) {
      return;
    }
    assertEquals(command, PmuCommand.parse(command.wire()), "wire form parses back: " + text);
    assertEquals(command, PmuCommand.tryParse(text).orElseThrow(), "tryParse agrees: " + text);
  }

  @Test
  void everyIntervalInRangeRoundTripsThroughItsWireForm() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      int millis = i < 2 ? i * 3_600_000 : random.nextInt(3_600_001);
      PmuCommand.Short command = new PmuCommand.Short(Duration.ofMillis(millis));
      assertEquals(command, PmuCommand.parse(command.wire()), "seed " + seed);
    }
  }
}
