package lab3.pmu;

import java.io.IOException;

/**
 * Receives what a PMU sends, as {@link PmuClient} (TCP, TLS) or the WebSocket client decodes it.
 * Override only what you need; every method does nothing by default.
 *
 * <p>For {@code CMD_short}, {@link #onMessage} is called once per message, in order, whatever way
 * the bytes were cut into reads. For {@code CMD_floodme}, {@link #onText} is called with the text
 * in pieces, in order; a multi-byte character is never split between two pieces. When everything
 * that has arrived is delivered, {@link #onReadComplete} is called: a listener that prints flushes
 * there, once per read (TCP) or burst of messages (WebSocket) rather than once per line.
 *
 * <p>A plain Mockito mock works: {@code verify(mock(PmuListener.class)).onMessage("This is PMU data
 * 1")} sees every message, since the clients call {@link #onMessage} and {@link #onText}
 * themselves. Listeners that only copy bytes on (a printer) implement {@link PmuByteListener}
 * instead, which receives the same events as bytes, without making Strings.
 *
 * <p>Every method has a default, so the interface has no abstract method and takes no lambda: use
 * {@link #forMessages(Callback)} or {@link #forText(Callback)}, or an anonymous class.
 */
public interface PmuListener {

  /**
   * What a lambda listener does with each message or piece of text; it may throw {@link
   * IOException} (a printer's), which ends the session as a failure of the read would.
   *
   * @param <T> what it receives
   */
  @FunctionalInterface
  interface Callback<T> {
    /**
     * Handles one event.
     *
     * @param value the message or text; a {@link CharSequence} is valid only during the call
     * @throws IOException to end the session
     */
    void accept(T value) throws IOException;
  }

  /**
   * A listener that hands each {@code CMD_short} message to {@code action}, e.g. {@code
   * PmuListener.forMessages(messages::add)}.
   *
   * @param action called once per message, in order
   * @return the listener
   */
  static PmuListener forMessages(Callback<String> action) {
    java.util.Objects.requireNonNull(action, "action");
    return new PmuListener() {
      @Override
      public void onMessage(String message) throws IOException {
        action.accept(message);
      }
    };
  }

  /**
   * A listener that hands each piece of {@code CMD_floodme} text to {@code action}, e.g. {@code
   * PmuListener.forText(text::append)}.
   *
   * @param action called once per piece, in order; the piece is valid only during the call
   * @return the listener
   */
  static PmuListener forText(Callback<CharSequence> action) {
    java.util.Objects.requireNonNull(action, "action");
    return new PmuListener() {
      @Override
      public void onText(CharSequence text) throws IOException {
        action.accept(text);
      }
    };
  }

  /**
   * One complete {@code CMD_short} message, such as {@code "This is PMU data 7"}.
   *
   * @param message the message, e.g. {@code "This is PMU data 7"}
   * @throws IOException if the I/O fails
   */
  default void onMessage(String message) throws IOException {}

  /**
   * The next piece of {@code CMD_floodme} text. Valid only during the call.
   *
   * @param text the next piece of text; valid only during the call
   * @throws IOException if the I/O fails
   */
  default void onText(CharSequence text) throws IOException {}

  /**
   * Everything that has arrived is delivered, and the client is about to wait for more: a listener
   * that prints flushes here. One meaning over every transport: over TCP and TLS it follows each
   * {@code read()} that returned data; over WebSocket it follows each burst of messages that
   * arrived together (never later than before the next wait). So it is called at most as often as
   * {@link PmuResult#reads()} counts.
   *
   * @throws IOException if the I/O fails
   */
  default void onReadComplete() throws IOException {}
}
