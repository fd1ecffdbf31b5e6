package lab3.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One WebSocket session from the JDK's own client (an independent implementation, asynchronous, so
 * that thousands fit in a test): collects every message, text or binary, reassembled from its
 * frames, and completes {@link #closed} with the server's close code, or exceptionally.
 */
final class JdkWebSocket implements WebSocket.Listener {
  /** How the session ended. */
  record Closed(List<String> messages, int code, String reason) {}

  private final List<String> messages = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
  final CompletableFuture<Closed> closed = new CompletableFuture<>();

  /** Opens a session to {@code ws://[::1]:port/}. */
  static CompletableFuture<WebSocket> open(HttpClient http, int port, JdkWebSocket listener) {
    return http.newWebSocketBuilder()
        .buildAsync(URI.create("ws://[::1]:" + port + "/"), listener)
        .whenComplete(
            (ws, failure) -> {
              if (failure != null) {
                listener.closed.completeExceptionally(failure);
              }
            });
  }

  @Override
  public void onOpen(WebSocket ws) {
    ws.request(Long.MAX_VALUE);
  }

  @Override
  public synchronized CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      messages.add(text.toString());
      text.setLength(0);
    }
    return null;
  }

  @Override
  public synchronized CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    binary.writeBytes(bytes);
    if (last) {
      messages.add(binary.toString(StandardCharsets.UTF_8));
      binary.reset();
    }
    return null;
  }

  @Override
  public synchronized CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
    closed.complete(new Closed(List.copyOf(messages), code, reason));
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    closed.completeExceptionally(error);
  }
}
