package lab3.ws;

import java.io.IOException;

/**
 * The server ended the WebSocket session with a close code other than a normal one, for example
 * 1008 (policy violation) for a command it refused. Messages before the close were delivered.
 *
 * <p>The pitfall: it is an {@link IOException}; catch it before the general one to tell a refused
 * command (1008) from a network failure.
 */
public final class WsCloseException extends IOException {
  /** The close frame's status code. */
  private final int code;

  /** The close frame's reason. */
  private final String reason;

  /**
   * A close with {@code code} and {@code reason}; the message names the code in words.
   *
   * @param code the status code of the server's close frame
   * @param reason the reason in the close frame, often empty
   */
  public WsCloseException(int code, String reason) {
    super(
        "the server closed the WebSocket with "
            + code
            + " ("
            + describe(code)
            + ")"
            + (reason.isEmpty() ? "" : ": " + reason));
    this.code = code;
    this.reason = reason;
  }

  /**
   * The close frame's status code.
   *
   * @return the close frame's status code
   */
  public int code() {
    return code;
  }

  /**
   * The close frame's reason, possibly empty.
   *
   * @return the close frame's reason, possibly empty
   */
  public String reason() {
    return reason;
  }

  /** The RFC 6455 name of a close code. */
  static String describe(int code) {
    return switch (code) {
      case 1000 -> "normal closure";
      case 1001 -> "going away";
      case 1002 -> "protocol error";
      case 1003 -> "unsupported data";
      case 1005 -> "no status code";
      case 1007 -> "invalid payload data";
      case 1008 -> "policy violation";
      case 1009 -> "message too big";
      case 1010 -> "mandatory extension";
      case 1011 -> "internal server error";
      default -> code >= 4000 ? "application-defined" : "unknown code";
    };
  }
}
