package lab3.ws;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault injector for client tests: a one-connection server on 127.0.0.1 that reads the HTTP
 * request and then misbehaves in a scripted way (a non-101 answer, a 101 then a dropped connection,
 * a 101 then silence). It never speaks WebSocket frames: that is what the real emulator is for.
 */
final class ScriptedWsServer implements Closeable {
  enum Script {
    ANSWER_404,
    ACCEPT_THEN_DROP,
    ACCEPT_THEN_SILENCE
  }

  private final ServerSocket server;
  private final Thread thread;

  ScriptedWsServer(Script script) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread = Thread.ofVirtual().start(() -> serve(script));
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve(Script script) {
    try (Socket socket = server.accept()) {
      String request = readHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      if (script == Script.ANSWER_404) {
        out.write(
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return;
      }
      Matcher key = Pattern.compile("(?i)Sec-WebSocket-Key: *(\\S+)").matcher(request);
      if (!key.find()) {
        return;
      }
      out.write(
          ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Accept: "
                  + accept(key.group(1))
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      if (script == Script.ACCEPT_THEN_SILENCE) {
        socket
            .getInputStream()
            .transferTo(OutputStream.nullOutputStream()); // until the client goes
      }
    } catch (IOException e) {
      // the test sees the outcome on the client side
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** RFC 6455 section 4.2.2: base64(SHA-1(key + GUID)). */
  private static String accept(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest(
                  (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                      .getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    thread.interrupt();
  }
}
