package lab3.pmu;

import java.net.ProtocolException;

/**
 * The server closed the connection in the middle of a message. Every complete message before it was
 * delivered; {@link #partial()} holds what had arrived of the cut one.
 *
 * <p>A {@link java.net.ProtocolException}: a caller that catches that for bad bytes catches this
 * too; the messages before it were already delivered to the listener.
 */
public final class TruncatedMessageException extends ProtocolException {
  /** The bytes of the cut message, as text. */
  private final String partial;

  /**
   * An end of stream inside a message.
   *
   * @param partial what had arrived of the cut message
   */
  public TruncatedMessageException(String partial) {
    super("the server closed the connection in the middle of a message: '" + partial + "'");
    this.partial = partial;
  }

  /**
   * The bytes of the incomplete message, as text.
   *
   * @return the bytes of the incomplete message, as text
   */
  public String partial() {
    return partial;
  }
}
