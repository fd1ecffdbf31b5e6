package lab3.pmu;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Inputs a parser meets from a careless or hostile peer: raw bytes (invalid UTF-8 included), text
 * over the commands' own alphabet (so that near-misses are frequent), CMD_short: with any
 * number-like d, valid commands with bytes flipped, cut or appended, and overlong lines.
 */
public final class HostileInput {
  private static final String COMMAND_CHARS = "CMD_shortSHORTfloodmeFLOODME:0123456789.-+eE \t\r\n";

  private HostileInput() {}

  /** Bytes as a peer may send them in place of a PMU command. */
  public static Arbitrary<byte[]> commandBytes() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
    Arbitrary<byte[]> nearMiss =
        Arbitraries.strings().withChars(COMMAND_CHARS).ofMaxLength(80).map(HostileInput::utf8);
    Arbitrary<byte[]> mutated =
        Arbitraries.of("CMD_short:0", "CMD_short:1", "CMD_short:0.5", "CMD_floodme", "cmd_SHORT:2")
            .map(HostileInput::utf8)
            .flatMap(HostileInput::mutate);
    Arbitrary<byte[]> overlong =
        Arbitraries.integers()
            .between(PmuCommand.MAX_LENGTH - 2, 4 * PmuCommand.MAX_LENGTH)
            .map(n -> utf8("CMD_short:" + "0".repeat(n)));
    Arbitrary<byte[]> numbers =
        Arbitraries.strings()
            .withChars("0123456789.-+e ")
            .ofMaxLength(16)
            .map(d -> utf8("CMD_short:" + d));
    return Arbitraries.frequencyOf(
        Tuple.of(3, raw),
        Tuple.of(3, nearMiss),
        Tuple.of(3, mutated),
        Tuple.of(3, numbers),
        Tuple.of(1, overlong));
  }

  /** {@code valid} with one byte replaced, removed or inserted, cut short, or extended. */
  public static Arbitrary<byte[]> mutate(byte[] valid) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, valid.length);
    Arbitrary<Byte> any = Arbitraries.bytes();
    return Arbitraries.oneOf(
        at.flatMap(i -> any.map(b -> splice(valid, i, 1, b))),
        at.flatMap(i -> any.map(b -> splice(valid, i, 0, b))),
        at.map(i -> java.util.Arrays.copyOf(valid, i)),
        any.array(byte[].class).ofMaxSize(20).map(tail -> concat(valid, tail)));
  }

  private static byte[] splice(byte[] bytes, int at, int remove, byte insert) {
    int removed = Math.min(remove, bytes.length - at);
    byte[] out = new byte[bytes.length - removed + 1];
    System.arraycopy(bytes, 0, out, 0, at);
    out[at] = insert;
    System.arraycopy(bytes, at + removed, out, at + 1, bytes.length - at - removed);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
