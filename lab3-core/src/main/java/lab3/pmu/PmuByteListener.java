package lab3.pmu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PmuListener} that takes the events as bytes, for listeners that only copy them on (a
 * printer writes the bytes to stdout without making a String per message). The clients call these
 * methods, and only these, on a listener of this type; their defaults make the String or decode the
 * text and call {@link #onMessage} or {@link #onText}, so a listener overrides one of each pair.
 *
 * <pre>{@code
 * PmuListener printer = new PmuByteListener() {
 *   public void onMessageBytes(byte[] ascii, int off, int len) throws IOException {
 *     out.write(ascii, off, len);
 *     out.write('\n');
 *   }
 * };
 * }</pre>
 *
 * <p>The pitfall, with Mockito: a plain mock of this type stubs these methods too, so it never sees
 * {@link #onMessage}; mock {@link PmuListener} instead.
 */
public interface PmuByteListener extends PmuListener {

  /**
   * One {@code CMD_short} message as its ASCII bytes, {@code ascii[off]} to {@code ascii[off + len
   * - 1]}; the array is reused, valid only during the call. By default: {@link #onMessage} with a
   * new String.
   *
   * @param ascii the bytes of the message
   * @param off where the bytes start
   * @param len how many bytes
   * @throws IOException to end the session
   */
  default void onMessageBytes(byte[] ascii, int off, int len) throws IOException {
    onMessage(new String(ascii, off, len, StandardCharsets.US_ASCII));
  }

  /**
   * The next piece of {@code CMD_floodme} text as well-formed UTF-8 (never a character cut), valid
   * only during the call. By default: {@link #onText} with the decoded characters.
   *
   * @param utf8 the bytes of the text
   * @param off where the bytes start
   * @param len how many bytes
   * @throws IOException to end the session
   */
  default void onTextBytes(byte[] utf8, int off, int len) throws IOException {
    onText(new String(utf8, off, len, StandardCharsets.UTF_8));
  }
}
