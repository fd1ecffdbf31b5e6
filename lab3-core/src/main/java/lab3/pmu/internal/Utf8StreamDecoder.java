package lab3.pmu.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 that arrives in arbitrary pieces. A character cut between two reads is kept until
 * its last byte arrives, so it is never turned into replacement characters. Invalid bytes become
 * U+FFFD, as Python's {@code decode(errors="replace")} would make them.
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
