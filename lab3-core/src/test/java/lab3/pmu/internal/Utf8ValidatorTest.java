package lab3.pmu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast check ({@link Utf8Validator#wellFormed}, an automaton with an ASCII stride) must give
 * the reference's answer ({@link Utf8Validator#wellFormedScalar}) on every input: same index for
 * every range, well-formed or not, cut anywhere.
 */
class Utf8ValidatorTest {
  private static final long SEED = Long.getLong("lab3.seed", 17);

  /** Sequences of every length and every special second byte, valid and not. */
  private static final byte[][] PIECES = {
    bytes(0x41),
    bytes(0x7F),
    bytes(0xC2, 0x80),
    bytes(0xDF, 0xBF),
    bytes(0xE0, 0xA0, 0x80),
    bytes(0xE1, 0x80, 0x80),
    bytes(0xED, 0x9F, 0xBF),
    bytes(0xEF, 0xBF, 0xBF),
    bytes(0xF0, 0x90, 0x80, 0x80),
    bytes(0xF3, 0xBF, 0xBF, 0xBF),
    bytes(0xF4, 0x8F, 0xBF, 0xBF),
    // not well-formed: overlong, surrogate, past U+10FFFF, stray, lone lead, bad continuation
    bytes(0xC0, 0x80),
    bytes(0xC1, 0xBF),
    bytes(0xE0, 0x9F, 0xBF),
    bytes(0xED, 0xA0, 0x80),
    bytes(0xF0, 0x8F, 0xBF, 0xBF),
    bytes(0xF4, 0x90, 0x80, 0x80),
    bytes(0xF5, 0x80, 0x80, 0x80),
    bytes(0xFF),
    bytes(0x80),
    bytes(0xBF),
    bytes(0xE1, 0x80),
    bytes(0xC3, 0x41),
    bytes(0xF1, 0x80, 0x80, 0xC0),
  };

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static void assertSameAnswer(byte[] buf, int from, int end) {
    assertEquals(
        Utf8Validator.wellFormedScalar(buf, from, end),
        Utf8Validator.wellFormed(buf, from, end),
        () -> "range " + from + ".." + end + " of " + Arrays.toString(buf));
  }

  /** Every range of buf: catches any disagreement at a block or stride boundary. */
  private static void assertSameAnswerForEveryRange(byte[] buf) {
    for (int from = 0; from <= buf.length; from++) {
      for (int end = from; end <= buf.length; end++) {
        assertSameAnswer(buf, from, end);
      }
    }
  }

  @Test
  void asciiRunBrokenAtEveryOffsetByEverySequence() {
    for (byte[] piece : PIECES) {
      for (int at = 0; at < 40; at++) {
        byte[] buf = new byte[48];
        Arrays.fill(buf, (byte) 'a');
        System.arraycopy(piece, 0, buf, at, piece.length);
        assertSameAnswerForEveryRange(buf);
      }
    }
  }

  @Test
  void asciiRunLongerThanTheSixtyFourByteStrideBrokenAtEveryOffset() {
    for (byte[] piece : PIECES) {
      for (int at = 0; at < 140; at++) {
        byte[] buf = new byte[150];
        Arrays.fill(buf, (byte) 'a');
        System.arraycopy(piece, 0, buf, at, Math.min(piece.length, buf.length - at));
        for (int from = 0; from < 4; from++) {
          for (int end = from; end <= buf.length; end++) {
            assertSameAnswer(buf, from, end);
          }
        }
      }
    }
  }

  @Test
  void multiByteSequencesAcrossEightAndSixteenByteBoundaries() {
    String text = "Roméo «Ω Ρωμαίε» ロミオ 罗密欧 🌹💔 end";
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    for (int shift = 0; shift < 16; shift++) {
      byte[] buf = new byte[shift + utf8.length];
      Arrays.fill(buf, 0, shift, (byte) ' ');
      System.arraycopy(utf8, 0, buf, shift, utf8.length);
      assertEquals(buf.length, Utf8Validator.wellFormed(buf, 0, buf.length));
      assertSameAnswerForEveryRange(buf);
    }
  }

  @Test
  void randomConcatenationsOfValidAndInvalidSequences() {
    Random random = new Random(SEED);
    for (int round = 0; round < 2_000; round++) {
      byte[] buf = new byte[random.nextInt(200)];
      int filled = 0;
      boolean valid = random.nextInt(4) != 0; // a quarter of the buffers may hold invalid pieces
      while (filled < buf.length) {
        byte[] piece = PIECES[random.nextInt(valid ? 11 : PIECES.length)];
        if (random.nextInt(3) == 0) {
          piece = new byte[random.nextInt(1, 40)];
          Arrays.fill(piece, (byte) 'x'); // an ASCII run
        }
        int n = Math.min(piece.length, buf.length - filled);
        System.arraycopy(piece, 0, buf, filled, n);
        filled += n;
      }
      int from = buf.length == 0 ? 0 : random.nextInt(buf.length);
      for (int end = from; end <= buf.length; end++) {
        assertSameAnswer(buf, from, end);
      }
    }
  }

  @Test
  void randomBytes() {
    Random random = new Random(SEED);
    for (int round = 0; round < 500; round++) {
      byte[] buf = new byte[random.nextInt(100)];
      random.nextBytes(buf);
      if (random.nextBoolean()) {
        for (int i = 0; i < buf.length; i++) {
          buf[i] = (byte) (0x80 | buf[i]); // only bytes with the high bit: leads and continuations
        }
      }
      assertSameAnswerForEveryRange(buf);
    }
  }
}
