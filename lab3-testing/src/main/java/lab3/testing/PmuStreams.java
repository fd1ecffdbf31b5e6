package lab3.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The byte streams a PMU sends, for feeding a client in tests, and the cuts a network makes in
 * them: {@code CMD_short}'s n messages (no delimiter between them, as the lab's server sends), a
 * {@code CMD_floodme} text, cut at chosen offsets or in chunks of one size.
 *
 * <pre>{@code
 * byte[] two = PmuStreams.messages(2);          // "This is PMU data 1This is PMU data 2"
 * List<byte[]> reads = PmuStreams.cut(two, 17); // cut mid-number: "...data " | "1This is..."
 * List<byte[]> bytes = PmuStreams.chunks(two, 1); // one byte per read
 * }</pre>
 */
public final class PmuStreams {
  private PmuStreams() {}

  /**
   * The message {@code This is PMU data i}.
   *
   * @param i the message's number, at least 1
   * @return the message's text
   */
  public static String message(int i) {
    checkArgument(i >= 1, "messages count from 1, got %s", i);
    return "This is PMU data " + i;
  }

  /**
   * The messages 1 to {@code n} back to back, in ASCII: what a PMU sends for {@code CMD_short}.
   *
   * @param n how many messages, 0 or more
   * @return the stream
   */
  public static byte[] messages(int n) {
    checkArgument(n >= 0, "n must be 0 or more, got %s", n);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 1; i <= n; i++) {
      out.writeBytes(message(i).getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  /**
   * The texts of the messages 1 to {@code n}, as a listener should receive them.
   *
   * @param n how many messages
   * @return the messages, in order
   */
  public static List<String> expectedMessages(int n) {
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      expected.add(message(i));
    }
    return expected;
  }

  /**
   * A {@code CMD_floodme} answer: {@code text} in UTF-8.
   *
   * @param text the text of the answer
   * @return its bytes
   */
  public static byte[] floodme(String text) {
    return checkNotNull(text, "text").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code stream} cut at the given offsets: {@code cut(s, 3, 10)} gives {@code s[0..3)}, {@code
   * s[3..10)} and {@code s[10..]}. An offset may fall anywhere: inside a message, a number, or a
   * UTF-8 character.
   *
   * @param stream the bytes
   * @param at strictly increasing offsets, each inside the stream (1 to length - 1)
   * @return the pieces, one per read
   */
  public static List<byte[]> cut(byte[] stream, int... at) {
    List<byte[]> pieces = new ArrayList<>();
    int from = 0;
    for (int offset : at) {
      checkArgument(
          offset > from && offset < stream.length,
          "offsets must increase and fall inside the stream of %s bytes, got %s",
          stream.length,
          offset);
      pieces.add(Arrays.copyOfRange(stream, from, offset));
      from = offset;
    }
    pieces.add(Arrays.copyOfRange(stream, from, stream.length));
    return pieces;
  }

  /**
   * {@code stream} in pieces of {@code size} bytes (the last one shorter).
   *
   * @param stream the bytes
   * @param size bytes per piece, at least 1
   * @return the pieces, one per read
   */
  public static List<byte[]> chunks(byte[] stream, int size) {
    checkArgument(size >= 1, "size must be at least 1, got %s", size);
    List<byte[]> pieces = new ArrayList<>();
    for (int at = 0; at < stream.length; at += size) {
      pieces.add(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + size)));
    }
    return pieces;
  }

  /**
   * The offset of the first byte of {@code needle} in {@code stream}, for cutting at a place a test
   * names ("mid-digit of message 10": {@code indexOf(stream, "data 10") + 6}).
   *
   * @param stream the bytes
   * @param needle ASCII text to find
   * @return its offset
   * @throws IllegalArgumentException if it is not there
   */
  public static int indexOf(byte[] stream, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + n.length <= stream.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (stream[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("'" + needle + "' is not in the stream");
  }
}
