package lab3.pmu.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
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
   * lab3.pmu.PmuByteListener#onTextBytes} for a byte listener), anything else decoded ({@link
   * PmuListener#onText}, with U+FFFD for what is malformed). A character cut at the end is kept for
   * the next piece, as in {@link #decode}.
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
      if (Utf8Validator.wellFormed(whole, 0, whole.length) != whole.length) {
        carry.put(whole, 0, have); // as it was: let the decoder replace what is malformed
        deliverDecoded(buf, off, len, listener);
        return;
      }
      Deliver.text(listener, whole, 0, whole.length);
      from = off + need;
    }
    int valid = Utf8Validator.wellFormed(buf, from, end);
    if (valid > from) {
      Deliver.text(listener, buf, from, valid - from);
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
