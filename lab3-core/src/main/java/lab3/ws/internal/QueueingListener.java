package lab3.ws.internal;

import com.google.common.base.Utf8;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * Bridges OkHttp's asynchronous WebSocket to a blocking caller: every event goes into a queue the
 * caller drains on its own thread, so the caller's listener runs there, in order. Answers the
 * server's close frame at once, as RFC 6455 asks.
 */
@SuppressWarnings("exports") // okhttp3 is "requires static": only lab3.ws uses this class
public final class QueueingListener extends WebSocketListener {
  private final BlockingQueue<WsEvent> events;
  private final InboundLimit limit;

  /**
   * A listener that queues every event in {@code events}, counting against {@code limit}.
   *
   * @param events the events
   * @param limit the limit
   */
  public QueueingListener(BlockingQueue<WsEvent> events, InboundLimit limit) {
    this.events = events;
    this.limit = limit;
  }

  /**
   * Opens a WebSocket whose events go to {@code events}. A factory rather than the constructor at
   * the call site, so that {@link lab3.ws.WsPmuClient} names no subclass of an OkHttp type and
   * loads without OkHttp (to say at once that it is missing).
   *
   * @param http the http
   * @param request the request
   * @param events the events
   * @param limit the limit
   * @return the open socket
   */
  public static WebSocket open(
      OkHttpClient http, Request request, BlockingQueue<WsEvent> events, InboundLimit limit) {
    return http.newWebSocket(request, new QueueingListener(events, limit));
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    limit.messageDelivered();
    events.add(new WsEvent.Message(text, null, Utf8.encodedLength(text)));
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    limit.messageDelivered();
    events.add(new WsEvent.Message(null, new Payload(bytes), bytes.size()));
  }

  /** OkHttp's ByteString of a message, which holds a large payload in OkHttp's own segments. */
  private record Payload(ByteString bytes) implements WsEvent.Binary {
    @Override
    public byte[] toByteArray() {
      return bytes.toByteArray();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      bytes.write(out); // segment by segment, no copy
    }
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(1000, null);
    events.add(new WsEvent.Closing(code, reason));
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    int status = -1;
    String message = "";
    if (response != null) {
      status = response.code();
      message = response.message();
      response.close();
    }
    events.add(new WsEvent.Failed(t, status, message));
  }
}
