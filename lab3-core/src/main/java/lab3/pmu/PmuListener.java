package lab3.pmu;

import java.io.IOException;

/**
 * Receives what a PMU sends, as {@link PmuClient} (TCP, TLS) or the WebSocket client decodes it.
 * Override only what you need; every method does nothing by default.
 *
 * <p>For {@code CMD_short}, {@link #onMessage} is called once per message, in order, whatever way
 * the bytes were cut into reads. For {@code CMD_floodme}, {@link #onText} is called with the text
 * in pieces, in order; a multi-byte character is never split between two pieces. After the messages
 * or text of one network read are delivered, {@link #onReadComplete} is called: a listener that
 * prints flushes there, once per read rather than once per line.
 */
public interface PmuListener {

  /** One complete {@code CMD_short} message, such as {@code "This is PMU data 7"}. */
  default void onMessage(String message) throws IOException {}

  /** The next piece of {@code CMD_floodme} text. Valid only during the call. */
  default void onText(CharSequence text) throws IOException {}

  /** Everything one read brought has been delivered. */
  default void onReadComplete() throws IOException {}
}
