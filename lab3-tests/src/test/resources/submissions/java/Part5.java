import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

// Part 5: the PDC over WebSocket, with the JDK's own client (java.net.http).
// Usage: java Part5_111111_222222.java <server> <port> <command>
public class Part5_111111_222222 {
  public static void main(String[] args) throws Exception {
    String host = args[0].contains(":") ? "[" + args[0] + "]" : args[0];
    URI uri = URI.create("ws://" + host + ":" + args[1] + "/");
    CompletableFuture<Void> closed = new CompletableFuture<>();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          private final StringBuilder message = new StringBuilder();
          private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            message.append(data);
            if (last) { // a message may come in several parts
              System.out.println(message);
              message.setLength(0);
            }
            ws.request(1);
            return null;
          }

          @Override // the PMU sends its short messages as binary frames
          public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            bytes.writeBytes(part);
            if (last) {
              System.out.println(bytes.toString(StandardCharsets.UTF_8));
              bytes.reset();
            }
            ws.request(1);
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(null);
            return null;
          }

          @Override
          public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
          }
        };
    WebSocket ws =
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, listener).join();
    ws.sendText(args[2], true).join();
    closed.join();
    System.out.flush();
    System.exit(0);
  }
}
