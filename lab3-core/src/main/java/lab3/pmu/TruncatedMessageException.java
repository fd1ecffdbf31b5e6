package lab3.pmu;

import java.net.ProtocolException;

/**
 * The server closed the connection in the middle of a message. Every complete message before it was
 * delivered; {@link #partial()} holds what had arrived of the cut one.
 */
public final class TruncatedMessageException extends ProtocolException {
  private final String partial;

  public TruncatedMessageException(String partial) {
    super("the server closed the connection in the middle of a message: '" + partial + "'");
    this.partial = partial;
  }

  /** The bytes of the incomplete message, as text. */
  public String partial() {
    return partial;
  }
}
