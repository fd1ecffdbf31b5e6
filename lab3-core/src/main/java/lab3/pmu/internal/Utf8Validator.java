package lab3.pmu.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds how much of a byte range is well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no
 * surrogates, nothing past U+10FFFF), fast: floodme text passes through this check on its way from
 * the socket to stdout, so its speed is the client's.
 *
 * <p>{@link #wellFormed} runs a "shift-based" automaton (Per Vognsen's construction, as in Lemire's
 * write-ups on UTF-8 validation): each state is a bit offset (a multiple of 6) into a 64-bit row
 * chosen by the byte, and one step is {@code state = ROW[b] >>> state}, a single shift on the
 * loop's critical path (Java masks a {@code long} shift count to its low 6 bits, so no {@code & 63}
 * is needed between steps). Blocks of 64 ASCII bytes met between characters are skipped with eight
 * 8-byte reads (most of an English text), and blocks of 16 inside a block that is not. It tells
 * only whether a range is well-formed; where a range is not, {@link #wellFormedScalar} (the plain
 * decision per sequence) finds the first bad byte.
 */
final class Utf8Validator {
  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  // The automaton's states, as bit offsets into a row.
  private static final int ACCEPT = 0; // between characters
  private static final int ERROR = 6; // absorbing
  private static final int NEED1 = 12; // one continuation byte (80..BF) to go
  private static final int NEED2 = 18; // two
  private static final int NEED3 = 24; // three
  private static final int AFTER_E0 = 30; // next A0..BF, then one more
  private static final int AFTER_ED = 36; // next 80..9F (no surrogates), then one more
  private static final int AFTER_F0 = 42; // next 90..BF (no overlong), then two more
  private static final int AFTER_F4 = 48; // next 80..8F (nothing past U+10FFFF), then two more

  /** ROW[b]: for each state s, the state after byte b in bits s..s+5. */
  private static final long[] ROW = new long[256];

  static {
    for (int b = 0; b < 256; b++) {
      long row = 0;
      for (int s = 0; s <= AFTER_F4; s += 6) {
        row |= (long) next(s, b) << s;
      }
      ROW[b] = row;
    }
  }

  private Utf8Validator() {}

  private static int next(int state, int b) {
    boolean cont = b >= 0x80 && b <= 0xBF;
    return switch (state) {
      case ACCEPT -> {
        if (b < 0x80) {
          yield ACCEPT;
        } else if (b >= 0xC2 && b <= 0xDF) {
          yield NEED1;
        } else if (b == 0xE0) {
          yield AFTER_E0;
        } else if (b == 0xED) {
          yield AFTER_ED;
        } else if (b >= 0xE1 && b <= 0xEF) {
          yield NEED2;
        } else if (b == 0xF0) {
          yield AFTER_F0;
        } else if (b == 0xF4) {
          yield AFTER_F4;
        } else if (b >= 0xF1 && b <= 0xF3) {
          yield NEED3;
        }
        yield ERROR;
      }
      case NEED1 -> cont ? ACCEPT : ERROR;
      case NEED2 -> cont ? NEED1 : ERROR;
      case NEED3 -> cont ? NEED2 : ERROR;
      case AFTER_E0 -> b >= 0xA0 && b <= 0xBF ? NEED1 : ERROR;
      case AFTER_ED -> b >= 0x80 && b <= 0x9F ? NEED1 : ERROR;
      case AFTER_F0 -> b >= 0x90 && b <= 0xBF ? NEED2 : ERROR;
      case AFTER_F4 -> b >= 0x80 && b <= 0x8F ? NEED2 : ERROR;
      default -> ERROR;
    };
  }

  /**
   * The index of the first byte in {@code buf[from..end)} that does not start a complete,
   * well-formed UTF-8 sequence; {@code end} if all of it is well-formed. Where a well-formed
   * sequence is cut by {@code end}, the index of its first byte.
   */
  static int wellFormed(byte[] buf, int from, int end) {
    long state = ACCEPT;
    int i = from;
    while (i + 64 <= end) {
      if ((state & 63) == ACCEPT && (or64(buf, i) & HIGH_BITS) == 0) {
        i += 64; // sixty-four ASCII bytes between characters: most of an English text
        continue;
      }
      for (int block = i + 64; i < block; i += 16) {
        state = block16(buf, i, state);
      }
      if ((state & 63) == ERROR) {
        return wellFormedScalar(buf, from, end);
      }
    }
    for (; i + 16 <= end; i += 16) {
      state = block16(buf, i, state);
      if ((state & 63) == ERROR) {
        return wellFormedScalar(buf, from, end);
      }
    }
    for (; i < end; i++) {
      state = ROW[buf[i] & 0xFF] >>> state;
    }
    int s = (int) state & 63;
    if (s == ACCEPT) {
      return end;
    }
    if (s == ERROR) {
      return wellFormedScalar(buf, from, end);
    }
    // All well-formed up to a sequence cut by end: its lead byte is one of the last three.
    int lead = end - 1;
    while ((buf[lead] & 0xC0) == 0x80) {
      lead--;
    }
    return lead;
  }

  /**
   * The OR of the 64 bytes from {@code i}, as eight longs: its high bits say if any is not ASCII.
   */
  private static long or64(byte[] buf, int i) {
    return (long) EIGHT_BYTES.get(buf, i)
        | (long) EIGHT_BYTES.get(buf, i + 8)
        | (long) EIGHT_BYTES.get(buf, i + 16)
        | (long) EIGHT_BYTES.get(buf, i + 24)
        | (long) EIGHT_BYTES.get(buf, i + 32)
        | (long) EIGHT_BYTES.get(buf, i + 40)
        | (long) EIGHT_BYTES.get(buf, i + 48)
        | (long) EIGHT_BYTES.get(buf, i + 56);
  }

  /** The state after the 16 bytes from {@code i}: skipped at once if ASCII between characters. */
  private static long block16(byte[] buf, int i, long state) {
    long w = (long) EIGHT_BYTES.get(buf, i) | (long) EIGHT_BYTES.get(buf, i + 8);
    if ((w & HIGH_BITS) == 0 && (state & 63) == ACCEPT) {
      return state;
    }
    long s = state;
    for (int k = i; k < i + 16; k++) {
      s = ROW[buf[k] & 0xFF] >>> s;
    }
    return s;
  }

  /** {@link #wellFormed}'s answer, decided sequence by sequence (the reference; slower). */
  static int wellFormedScalar(byte[] buf, int from, int end) {
    int i = from;
    while (i < end) {
      while (i + 8 <= end && ((long) EIGHT_BYTES.get(buf, i) & HIGH_BITS) == 0) {
        i += 8; // eight ASCII bytes at once
      }
      if (i == end) {
        break;
      }
      int b0 = buf[i] & 0xFF;
      if (b0 < 0x80) {
        i++;
      } else if (b0 < 0xE0) { // C2..DF, then 80..BF
        if (b0 < 0xC2 || end - i < 2 || (buf[i + 1] & 0xC0) != 0x80) {
          return i;
        }
        i += 2;
      } else if (b0 < 0xF0) { // E0 A0..BF, E1..EC 80..BF, ED 80..9F, EE..EF 80..BF; then 80..BF
        if (end - i < 3) {
          return i;
        }
        int b1 = buf[i + 1] & 0xFF;
        if ((b1 & 0xC0) != 0x80
            || (buf[i + 2] & 0xC0) != 0x80
            || (b0 == 0xE0 && b1 < 0xA0)
            || (b0 == 0xED && b1 > 0x9F)) {
          return i;
        }
        i += 3;
      } else { // F0 90..BF, F1..F3 80..BF, F4 80..8F; then 80..BF twice
        if (b0 > 0xF4 || end - i < 4) {
          return i;
        }
        int b1 = buf[i + 1] & 0xFF;
        if ((b1 & 0xC0) != 0x80
            || (buf[i + 2] & 0xC0) != 0x80
            || (buf[i + 3] & 0xC0) != 0x80
            || (b0 == 0xF0 && b1 < 0x90)
            || (b0 == 0xF4 && b1 > 0x8F)) {
          return i;
        }
        i += 4;
      }
    }
    return end;
  }
}
