package lab3.ws.internal;

import java.io.IOException;
import java.io.OutputStream;

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
  record Message(String text, Binary binary, long bytes) implements WsEvent {}

  /**
   * A binary message's payload, left where OkHttp assembled it: a large one in OkHttp's own pieces
   * of 8 KiB, which {@link #writeTo} hands on as they are, so a 64 MiB floodme is never copied into
   * one array of 64 MiB.
   */
  interface Binary {
    /**
     * The payload in one new array.
     *
     * @return the payload
     */
    byte[] toByteArray();

    /**
     * Writes the payload to {@code out}, in the pieces it is held in.
     *
     * @param out where the bytes go
     * @throws IOException what {@code out} throws
     */
    void writeTo(OutputStream out) throws IOException;
  }

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
