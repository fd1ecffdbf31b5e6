package lab3.pmu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import lab3.pmu.PmuCommand;
import org.junit.jupiter.api.Test;

/**
 * The emulator's command reader on whatever a client sends, cut into reads of any size: it returns
 * a command or throws {@link ProtocolException}, and never reads past a complete command. Fuzz
 * target (Jazzer): seed corpus in {@code
 * src/test/resources/lab3/pmu/internal/PmuSessionFuzzTestInputs/}.
 */
class PmuSessionFuzzTest {
  private static final String[] VALID = {
    "CMD_short:0", "CMD_short:1", "CMD_short:0.25", "CMD_floodme", "cmd_FLOODME", "CMD_short:2\n"
  };

  @FuzzTest(maxDuration = "10s")
  void arbitraryBytesInAnyReadsGiveACommandOrProtocolException(FuzzedDataProvider data)
      throws IOException {
    long seed = data.consumeLong();
    byte[] bytes = data.consumeRemainingAsBytes();
    ChunkedInput in = new ChunkedInput(bytes, new Random(seed));
    PmuCommand command;
    try {
      command = PmuSession.readCommand(in);
    } catch (ProtocolException expected) {
      return;
    }
    String read = new String(bytes, 0, in.consumed(), StandardCharsets.UTF_8);
    assertEquals(command, PmuCommand.parse(read.lines().findFirst().orElse("")), read);
  }

  @Test
  void validCommandInOneReadIsReadWhole() throws IOException {
    for (String wire : VALID) {
      byte[] bytes = wire.getBytes(StandardCharsets.US_ASCII);
      assertEquals(PmuCommand.parse(wire), PmuSession.readCommand(new ByteArrayInputStream(bytes)));
    }
  }

  /**
   * The command has no terminator, so a reader that answers as soon as the bytes form a command (as
   * the lab's server does, with one recv()) may take {@code CMD_short:1} from a {@code
   * CMD_short:10} that TCP cut after the 1. What it reads is always a command some prefix of the
   * bytes spells.
   */
  @Test
  void validCommandInAnyChunkingGivesTheCommandOfAPrefix() throws IOException {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 1000; round++) {
      String wire = VALID[random.nextInt(VALID.length)];
      byte[] bytes = wire.getBytes(StandardCharsets.US_ASCII);
      PmuCommand command = PmuSession.readCommand(new ChunkedInput(bytes, random));
      boolean prefix = false;
      for (int i = 1; i <= wire.length() && !prefix; i++) {
        prefix = PmuCommand.tryParse(wire.substring(0, i)).filter(command::equals).isPresent();
      }
      assertTrue(prefix, "seed " + seed + ": " + wire + " read as " + command);
    }
  }

  /** Delivers its bytes in reads of random sizes, as TCP may. */
  private static final class ChunkedInput extends InputStream {
    private final ByteArrayInputStream in;
    private final Random random;
    private final int length;

    ChunkedInput(byte[] bytes, Random random) {
      this.in = new ByteArrayInputStream(bytes);
      this.random = random;
      this.length = bytes.length;
    }

    int consumed() {
      return length - in.available();
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      return in.read(b, off, Math.min(len, 1 + random.nextInt(8)));
    }
  }
}
