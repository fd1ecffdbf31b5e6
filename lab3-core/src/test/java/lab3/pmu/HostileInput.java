package lab3.pmu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Inputs a parser meets from a careless or hostile peer, drawn from a seeded {@link Random} so that
 * a failing case is reproduced by its seed: raw bytes (invalid UTF-8 included), text over the
 * commands' own alphabet (so that near-misses are frequent), CMD_short: with any number-like d,
 * valid commands with bytes flipped, cut or appended, and overlong lines. The coverage-guided fuzz
 * targets (Jazzer) explore the parsers themselves; these generators serve the wire-level tests.
 */
public final class HostileInput {
  private static final String COMMAND_CHARS = "CMD_shortSHORTfloodmeFLOODME:0123456789.-+eE \t\r\n";
  private static final String[] VALID = {
    "CMD_short:0", "CMD_short:1", "CMD_short:0.5", "CMD_floodme", "cmd_SHORT:2"
  };

  private HostileInput() {}

  /** Bytes as a peer may send them in place of a PMU command. */
  public static byte[] commandBytes(Random random) {
    return switch (random.nextInt(13)) {
      case 0, 1, 2 -> {
        byte[] raw = new byte[random.nextInt(121)];
        random.nextBytes(raw);
        yield raw;
      }
      case 3, 4, 5 -> utf8(text(random, COMMAND_CHARS, random.nextInt(81)));
      case 6, 7, 8 -> mutate(random, utf8(VALID[random.nextInt(VALID.length)]));
      case 9, 10, 11 -> utf8("CMD_short:" + text(random, "0123456789.-+e ", random.nextInt(17)));
      default -> {
        int n = PmuCommand.MAX_LENGTH - 2 + random.nextInt(3 * PmuCommand.MAX_LENGTH + 3);
        yield utf8("CMD_short:" + "0".repeat(n));
      }
    };
  }

  /** {@code valid} with one byte replaced, removed or inserted, cut short, or extended. */
  public static byte[] mutate(Random random, byte[] valid) {
    int at = random.nextInt(valid.length + 1);
    byte any = (byte) random.nextInt(256);
    return switch (random.nextInt(4)) {
      case 0 -> splice(valid, at, 1, any);
      case 1 -> splice(valid, at, 0, any);
      case 2 -> Arrays.copyOf(valid, at);
      default -> {
        byte[] tail = new byte[random.nextInt(21)];
        random.nextBytes(tail);
        byte[] out = Arrays.copyOf(valid, valid.length + tail.length);
        System.arraycopy(tail, 0, out, valid.length, tail.length);
        yield out;
      }
    };
  }

  /** A string of {@code length} characters drawn from {@code alphabet}. */
  public static String text(Random random, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static byte[] splice(byte[] bytes, int at, int remove, byte insert) {
    int removed = Math.min(remove, bytes.length - at);
    byte[] out = new byte[bytes.length - removed + 1];
    System.arraycopy(bytes, 0, out, 0, at);
    out[at] = insert;
    System.arraycopy(bytes, at + removed, out, at + 1, bytes.length - at - removed);
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
