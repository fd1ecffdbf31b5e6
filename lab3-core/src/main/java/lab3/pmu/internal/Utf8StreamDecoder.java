package lab3.pmu.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import lab3.pmu.PmuListener;

/**
 * Decodes UTF-8 that arrives in arbitrary pieces. A character cut between two reads is kept until
 * its last byte arrives, so it is never turned into replacement characters. Invalid bytes become
 * U+FFFD, as Python's {@code decode(errors="replace")} would make them.
 *
 * <p>{@link #deliver} is the fast way for a listener that only copies text on: well-formed UTF-8,
 * which is nearly always what arrives, is checked and handed over as the same bytes, and only what
 * is not well-formed goes through the character decoder. The listener sees the same text either
 * way.
 */
public final class Utf8StreamDecoder {
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final ByteBuffer carry = ByteBuffer.allocate(8); // at most 3 bytes of a cut character
  private CharBuffer chars = CharBuffer.allocate(8192);

  /** Decodes the next piece; the returned buffer is valid until the next call. */
  public CharBuffer decode(byte[] buf, int off, int len) {
    chars.clear();
    ensureCapacity(len + carry.position() + 1);
    ByteBuffer in = ByteBuffer.wrap(buf, off, len);
    if (carry.position() > 0) {
      // Complete the cut character byte by byte, then go on with the rest of the piece.
      while (in.hasRemaining() && carry.position() > 0) {
        carry.put(in.get());
        carry.flip();
        CoderResult r = decoder.decode(carry, chars, false);
        carry.compact();
        if (r.isOverflow()) {
          throw new IllegalStateException("char buffer too small");
        }
      }
    }
    decoder.decode(in, chars, false);
    carry.put(in); // the start of a character cut at the end of this piece
    chars.flip();
    return chars;
  }

  /**
   * Hands the next piece to {@code listener}: the well-formed UTF-8 as bytes ({@link
   * PmuListener#onTextBytes}), anything else decoded ({@link PmuListener#onText}, with U+FFFD for
   * what is malformed). A character cut at the end is kept for the next piece, as in {@link
   * #decode}.
   */
  public void deliver(byte[] buf, int off, int len, PmuListener listener) throws IOException {
    int end = off + len;
    int from = off;
    if (carry.position() > 0) {
      // Complete the character cut at the end of the last piece.
      int have = carry.position();
      int need = sequenceLength(carry.get(0)) - have;
      if (need > len || need <= 0) {
        deliverDecoded(buf, off, len, listener);
        return;
      }
      byte[] whole = new byte[have + need]; // at most 4 bytes, once per cut character
      carry.flip();
      carry.get(whole, 0, have);
      carry.clear();
      System.arraycopy(buf, off, whole, have, need);
      if (wellFormed(whole, 0, whole.length) != whole.length) {
        carry.put(whole, 0, have); // as it was: let the decoder replace what is malformed
        deliverDecoded(buf, off, len, listener);
        return;
      }
      listener.onTextBytes(whole, 0, whole.length);
      from = off + need;
    }
    int valid = wellFormed(buf, from, end);
    if (valid > from) {
      listener.onTextBytes(buf, from, valid - from);
    }
    if (valid < end) {
      if (isCutCharacter(buf, valid, end)) {
        carry.put(buf, valid, end - valid);
      } else {
        deliverDecoded(buf, valid, end - valid, listener);
      }
    }
  }

  private void deliverDecoded(byte[] buf, int off, int len, PmuListener listener)
      throws IOException {
    CharBuffer text = decode(buf, off, len);
    if (text.hasRemaining()) {
      listener.onText(text);
    }
  }

  /**
   * The index of the first byte in {@code buf[from..end)} that does not start a complete,
   * well-formed UTF-8 sequence (Unicode's table 3-7: no overlong forms, no surrogates, nothing past
   * U+10FFFF); {@code end} if all of it is well-formed.
   */
  static int wellFormed(byte[] buf, int from, int end) {
    int i = from;
    while (i < end) {
      while (i + 8 <= end && ((long) EIGHT_BYTES.get(buf, i) & 0x8080808080808080L) == 0) {
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

  /** True if {@code buf[from..end)} is the start of a well-formed sequence, cut before its end. */
  private static boolean isCutCharacter(byte[] buf, int from, int end) {
    int n = sequenceLength(buf[from]);
    if (n == 0 || end - from >= n) {
      return false;
    }
    for (int k = 1; k < end - from; k++) {
      if (!continuationValid(buf[from], k, buf[from + k])) {
        return false;
      }
    }
    return true;
  }

  /** The length of the sequence lead byte {@code b} starts; 0 if it cannot start one. */
  private static int sequenceLength(byte b) {
    int u = b & 0xFF;
    if (u < 0x80) {
      return 1;
    } else if (u >= 0xC2 && u <= 0xDF) {
      return 2;
    } else if (u >= 0xE0 && u <= 0xEF) {
      return 3;
    } else if (u >= 0xF0 && u <= 0xF4) {
      return 4;
    }
    return 0;
  }

  /**
   * Whether {@code b} may be byte {@code k} (1 to 3) of a sequence that starts with {@code lead}.
   */
  private static boolean continuationValid(byte lead, int k, byte b) {
    int u = b & 0xFF;
    if (k == 1) {
      switch (lead & 0xFF) {
        case 0xE0:
          return u >= 0xA0 && u <= 0xBF;
        case 0xED:
          return u >= 0x80 && u <= 0x9F;
        case 0xF0:
          return u >= 0x90 && u <= 0xBF;
        case 0xF4:
          return u >= 0x80 && u <= 0x8F;
        default:
          break;
      }
    }
    return u >= 0x80 && u <= 0xBF;
  }

  /** The stream has ended: bytes of a character left incomplete become U+FFFD. */
  public CharBuffer finish() {
    chars.clear();
    carry.flip();
    decoder.decode(carry, chars, true);
    decoder.flush(chars);
    carry.clear();
    decoder.reset();
    chars.flip();
    return chars;
  }

  private void ensureCapacity(int bytes) {
    if (chars.capacity() < bytes) {
      chars = CharBuffer.allocate(Math.max(bytes, chars.capacity() * 2));
    }
  }
}
