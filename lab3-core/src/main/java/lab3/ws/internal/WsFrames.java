package lab3.ws.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * How the emulator puts one message on the wire: binary frames (as the lab's server does) or text
 * frames, the whole message in one frame or cut into frames of at most {@code frameBytes} bytes
 * with Jetty's partial sends. Each send waits until Jetty has written it.
 *
 * @param text text frames instead of binary ones
 * @param frameBytes the most payload bytes per frame; 0 sends each message as one frame
 */
public record WsFrames(boolean text, int frameBytes) {

  /**
   * Sends {@code message} (UTF-8 bytes) as one WebSocket message.
   *
   * @param session the session
   * @param message the message
   * @throws IOException if the I/O fails
   */
  public void send(Session session, byte[] message) throws IOException {
    send(session, message, null);
  }

  /**
   * Queues {@code message} as one WebSocket message in Jetty's batch buffer, to be written with
   * others by the next {@link #flush}: a burst of short messages costs a few system calls instead
   * of one each (Jetty's own API sends every message with a flush of its own; the batch flag is
   * only reachable through Jetty's core session). Nothing is written until {@link #flush}; Jetty
   * flushes on its own only when the batch buffer is full.
   *
   * @param session the session
   * @param message the message (UTF-8 bytes)
   * @return false if the message was not queued (it needs more than one frame, or the session is
   *     not Jetty's own): send it with {@link #send(Session, byte[])} after a {@link #flush}
   */
  public boolean queue(Session session, byte[] message) {
    if ((frameBytes != 0 && message.length > frameBytes)
        || !(session instanceof WebSocketSession jetty)) {
      return false;
    }
    Frame frame = new Frame(text ? OpCode.TEXT : OpCode.BINARY, ByteBuffer.wrap(message));
    jetty.getCoreSession().sendFrame(frame, org.eclipse.jetty.util.Callback.NOOP, true);
    return true;
  }

  /**
   * Writes what {@link #queue} queued and waits until it is written; a failure of any queued
   * message fails the flush.
   *
   * @param session the session
   * @throws IOException if the I/O fails
   */
  public void flush(Session session) throws IOException {
    if (session instanceof WebSocketSession jetty) {
      org.eclipse.jetty.util.Callback.Completable flushed =
          new org.eclipse.jetty.util.Callback.Completable();
      jetty.getCoreSession().flush(flushed);
      WsPmuSession.await(flushed);
    }
  }

  /**
   * Sends {@code message} as one WebSocket message; when it goes as one binary frame, straight from
   * {@code direct} (the same bytes in a direct buffer, or null). Jetty writes through a
   * SocketChannel, which copies a heap buffer's remaining bytes into a direct one before every
   * write, so a large frame was copied again after every partial write; a direct buffer is written
   * with no copy (serve-ws CPU per 64 MiB floodme: 153-408 ms from the heap, 60-101 ms from a
   * direct buffer). Where the JVM has no direct memory left for it, {@code direct} gives a view of
   * the heap bytes instead ({@code PmuResponder.floodBuffer}).
   *
   * @param session the session
   * @param message the message
   * @param direct the same bytes in a buffer to duplicate and send, made on first use; or null
   * @throws IOException if the I/O fails
   */
  public void send(Session session, byte[] message, Supplier<ByteBuffer> direct)
      throws IOException {
    if (!text && direct != null && (frameBytes == 0 || message.length <= frameBytes)) {
      ByteBuffer payload = direct.get().duplicate();
      WsPmuSession.await(Callback.Completable.with(done -> session.sendBinary(payload, done)));
      return;
    }
    if (frameBytes == 0 || message.length <= frameBytes) {
      WsPmuSession.await(
          Callback.Completable.with(
              done -> {
                if (text) {
                  session.sendText(new String(message, StandardCharsets.UTF_8), done);
                } else {
                  session.sendBinary(ByteBuffer.wrap(message), done);
                }
              }));
      return;
    }
    int from = 0;
    while (from < message.length) {
      int to = text ? utf8Boundary(message, from, from + frameBytes) : from + frameBytes;
      to = Math.min(to, message.length);
      boolean last = to == message.length;
      int start = from;
      int end = to;
      WsPmuSession.await(
          Callback.Completable.with(
              done -> {
                if (text) {
                  String piece = new String(message, start, end - start, StandardCharsets.UTF_8);
                  session.sendPartialText(piece, last, done);
                } else {
                  session.sendPartialBinary(
                      ByteBuffer.wrap(message, start, end - start), last, done);
                }
              }));
      from = to;
    }
  }

  /**
   * The index at or before {@code limit} where a UTF-8 character starts, so that a text frame never
   * holds half a character; past {@code limit} only when one character is longer than the frame.
   */
  static int utf8Boundary(byte[] bytes, int from, int limit) {
    if (limit >= bytes.length) {
      return bytes.length;
    }
    int cut = limit;
    while (cut > from && (bytes[cut] & 0xC0) == 0x80) {
      cut--;
    }
    if (cut == from) { // a frame smaller than one character: take the whole character
      cut = from + 1;
      while (cut < bytes.length && (bytes[cut] & 0xC0) == 0x80) {
        cut++;
      }
    }
    return cut;
  }
}
