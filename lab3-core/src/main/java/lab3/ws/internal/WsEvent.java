package lab3.ws.internal;

/**
 * What OkHttp's listener thread hands to the caller's thread, in order: messages, then exactly one
 * of {@link Closing} or {@link Failed}.
 */
public sealed interface WsEvent {

  /** One whole WebSocket message, binary payloads already decoded as UTF-8. */
  record Message(String text, long bytes, boolean binary) implements WsEvent {}

  /** The server sent its close frame. */
  record Closing(int code, String reason) implements WsEvent {}

  /**
   * The session failed: connecting, the handshake (then {@code httpStatus} is the server's answer,
   * else -1), or the connection broke.
   */
  record Failed(Throwable cause, int httpStatus, String httpMessage) implements WsEvent {}
}
