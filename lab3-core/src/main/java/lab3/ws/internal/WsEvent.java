package lab3.ws.internal;

/**
 * What OkHttp's listener thread hands to the caller's thread, in order: messages, then exactly one
 * of {@link Closing} or {@link Failed}.
 */
public sealed interface WsEvent {

  /**
   * One whole WebSocket message of {@code bytes} bytes: a text message's {@code text}, or a binary
   * message's {@code binary} payload (the PMU's UTF-8, not yet checked); the other one is null.
   *
   * @param text the text
   * @param binary the binary
   * @param bytes the bytes
   */
  record Message(String text, byte[] binary, long bytes) implements WsEvent {}

  /**
   * The server sent its close frame.
   *
   * @param code the code
   * @param reason the reason
   */
  record Closing(int code, String reason) implements WsEvent {}

  /**
   * The session failed: connecting, the handshake (then {@code httpStatus} is the server's answer,
   * else -1), or the connection broke.
   *
   * @param cause the cause
   * @param httpStatus the http status
   * @param httpMessage the http message
   */
  record Failed(Throwable cause, int httpStatus, String httpMessage) implements WsEvent {}
}
