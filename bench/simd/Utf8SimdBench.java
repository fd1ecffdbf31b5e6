// bench/simd/Utf8SimdBench.java: the UTF-8 check with SIMD (the incubating Vector API), measured
// against lab3's scalar check (lab3.pmu.internal.Utf8Validator) on the floodme text. An experiment
// for issue 26, not product code: the Vector API is an incubator module in JDK 25, and every JVM
// that loads it prints "WARNING: Using incubator modules" on stderr. Run (JDK 25, after a build):
//
//   java --add-modules jdk.incubator.vector -cp lab3-apps/target/lab3-light.jar \
//     bench/simd/Utf8SimdBench.java
//
// It times the scalar check first, in a fresh JVM, over data that changes with every check (128 KiB
// copied from a moving offset of the text: as part2 meets it); then compares both checks on
// 200,000 random cuts and mutations of the text (both must give the same index); then times each
// over one 128 KiB buffer, and the SIMD one over changing data. Each figure is 1 GiB (8,192
// checks). Measured on 2026-12-07 (RESULTS.md, "Issue 26, eighth session"), ms per GiB: over one
// buffer, scalar 113-159 and SIMD 49-73; over changing data, scalar 294-398 for its first pass
// and 156-227 after, SIMD 78-114 (three runs). In part2's fresh JVM the SIMD code ran boxed until C2 compiled
// it 0.8 s into a 1 GiB floodme, which then took 1.36-1.53 s instead of 0.4-0.5 s.
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.Random;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

public class Utf8SimdBench {
  public static void main(String[] args) throws Throwable {
    byte[] text = lab3.pmu.FloodText.generated(128 * 1024).bytes();
    byte[] longText = lab3.pmu.FloodText.generated(4 << 20).bytes();
    // First, in this fresh JVM, as part2 meets it: the scalar check over data that changes with
    // every "read" (128 KiB copied from a moving offset of a 4 MiB text), the copy included.
    time("scalar, fresh data", 3, false, text, longText);
    Random random = new Random(1);
    int mismatches = 0;
    for (int t = 0; t < 200_000; t++) {
      byte[] b = Arrays.copyOf(text, 6000);
      int from = random.nextInt(2000);
      int end = from + random.nextInt(3000);
      for (int m = random.nextInt(3); m > 0; m--) {
        b[from + random.nextInt(Math.max(1, end - from))] = (byte) random.nextInt(256);
      }
      while (from < end && (b[from] & 0xC0) == 0x80) {
        from++; // a caller starts at a character boundary
      }
      if (Scalar.wellFormed(b, from, end) != SimdCheck.wellFormed(b, from, end)) {
        mismatches++;
      }
    }
    System.out.println("answers that differ in 200,000 cases: " + mismatches);
    time("scalar, one buffer", 5, false, text, null);
    time("simd, one buffer", 5, true, text, null);
    time("simd, fresh data", 3, true, text, longText);
  }

  /** Times passes of 1 GiB: 8,192 checks of 128 KiB, each after a copy from source if not null. */
  private static void time(String name, int passes, boolean simd, byte[] text, byte[] source) {
    byte[] buf = Arrays.copyOf(text, text.length);
    long sink = 0;
    for (int pass = 0; pass < passes; pass++) {
      long t0 = System.nanoTime();
      int offset = 0;
      for (int k = 0; k < 8192; k++) {
        if (source != null) {
          if (offset + buf.length > source.length) {
            offset = (offset + 7) % 2000; // another cut of the text each time round
          }
          System.arraycopy(source, offset, buf, 0, buf.length);
          offset += buf.length;
        }
        int from = 0;
        while ((buf[from] & 0xC0) == 0x80) {
          from++; // as part2 does, the check starts at a character (it would stop at once)
        }
        sink +=
            simd ? SimdCheck.wellFormed(buf, from, buf.length) : Scalar.wellFormed(buf, from, buf.length);
      }
      System.out.printf("%s: %d ms per GiB%n", name, (System.nanoTime() - t0) / 1_000_000);
    }
    if (sink == 42) {
      System.out.println(); // keeps the checks' results alive
    }
  }
}

/** lab3's scalar check, reached through its package-private methods (the class path allows it). */
final class Scalar {
  private static final MethodHandle WELL_FORMED = handle("wellFormed");
  private static final MethodHandle FIRST_BAD = handle("wellFormedScalar");

  private static MethodHandle handle(String name) {
    try {
      Class<?> c = Class.forName("lab3.pmu.internal.Utf8Validator");
      var m = c.getDeclaredMethod(name, byte[].class, int.class, int.class);
      m.setAccessible(true);
      return MethodHandles.lookup().unreflect(m);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static int wellFormed(byte[] buf, int from, int end) {
    try {
      return (int) WELL_FORMED.invokeExact(buf, from, end);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  static int firstBad(byte[] buf, int from, int end) {
    try {
      return (int) FIRST_BAD.invokeExact(buf, from, end);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}

/** Keiser and Lemire's check (simdjson's "lookup4"), 64 bytes per step; the scalar check does the rest. */
final class SimdCheck {
  static final VectorSpecies<Byte> S = ByteVector.SPECIES_512;
  static final byte TOO_SHORT = 1, TOO_LONG = 2, OVERLONG_3 = 4, TOO_LARGE = 8, SURROGATE = 16,
      OVERLONG_2 = 32, TOO_LARGE_1000 = 64, OVERLONG_4 = 64, TWO_CONTS = (byte) 128;
  static final byte CARRY = (byte) (TOO_SHORT | TOO_LONG | TWO_CONTS);
  // Each bit is one kind of error in two consecutive bytes. B1H is looked up by the high nibble of
  // the first byte, B1L by its low nibble, B2H by the high nibble of the second: a pair is wrong
  // where all three share a bit. That TWO_CONTS is no error where the byte two or three before
  // starts a 3- or 4-byte sequence is settled apart (mustContinue in errors()).
  static final ByteVector B1H = table(
      TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
      TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
      TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
      TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
  static final ByteVector B1L = table(
      CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
      CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
      CARRY | TOO_LARGE | TOO_LARGE_1000);
  static final ByteVector B2H = table(
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);

  static ByteVector table(int... t) {
    byte[] b = new byte[64];
    for (int i = 0; i < 64; i++) b[i] = (byte) t[i & 15];
    return ByteVector.fromArray(S, b, 0);
  }

  /** As Utf8Validator.wellFormed: the index of the first byte that does not start a complete,
   * well-formed sequence. {@code from} is at a character boundary. */
  static int wellFormed(byte[] buf, int from, int end) {
    if (end - from < 128) {
      return Scalar.wellFormed(buf, from, end);
    }
    byte[] head = new byte[67]; // the first block after three zeros: nothing before from counts
    System.arraycopy(buf, from, head, 3, 64);
    if (errors(head, 3).compare(VectorOperators.NE, (byte) 0).anyTrue()) {
      return Scalar.firstBad(buf, from, end);
    }
    ByteVector err = ByteVector.zero(S);
    int p = from + 64;
    for (; p + 64 <= end; p += 64) {
      if ((buf[p - 1] | buf[p - 2] | buf[p - 3]) >= 0
          && !ByteVector.fromArray(S, buf, p).compare(VectorOperators.LT, (byte) 0).anyTrue()) {
        continue; // ASCII, after three ASCII bytes
      }
      err = err.or(errors(buf, p));
    }
    if (err.compare(VectorOperators.NE, (byte) 0).anyTrue()) {
      return Scalar.firstBad(buf, from, end);
    }
    // The scalar check goes on from the start of a character that the last block cut, if any.
    for (int k = 1; k <= 3; k++) {
      int b = buf[p - k] & 0xFF;
      if (b >= 0xC0) {
        int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        if (k < length) {
          p -= k;
        }
        break;
      }
      if (b < 0x80) {
        break;
      }
    }
    return Scalar.wellFormed(buf, p, end);
  }

  /** Non-zero lanes where the 64 bytes from p are wrong, given the three bytes before p. */
  private static ByteVector errors(byte[] a, int p) {
    ByteVector in = ByteVector.fromArray(S, a, p);
    ByteVector prev1 = ByteVector.fromArray(S, a, p - 1);
    ByteVector prev2 = ByteVector.fromArray(S, a, p - 2);
    ByteVector prev3 = ByteVector.fromArray(S, a, p - 3);
    ByteVector special = prev1.lanewise(VectorOperators.LSHR, 4).selectFrom(B1H)
        .and(prev1.and((byte) 0x0F).selectFrom(B1L))
        .and(in.lanewise(VectorOperators.LSHR, 4).selectFrom(B2H));
    VectorMask<Byte> mustContinue = prev2.compare(VectorOperators.UGE, (byte) 0xE0)
        .or(prev3.compare(VectorOperators.UGE, (byte) 0xF0));
    return ByteVector.broadcast(S, (byte) 0x80).and(mustContinue.toVector())
        .lanewise(VectorOperators.XOR, special);
  }
}
