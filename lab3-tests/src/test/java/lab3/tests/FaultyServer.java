package lab3.tests;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A server that misbehaves in the middle of an answer, as a real one may: it reads the command,
 * writes the start of an answer, then closes, resets (RST, by closing with SO_LINGER 0) or stalls
 * (keeps the connection open and silent until the client gives up). One connection at a time.
 */
final class FaultyServer implements Closeable {

  /** What the server does after writing the start of its answer. */
  enum Fault {
    CLOSE,
    RESET,
    STALL
  }

  private final ServerSocket socket;
  private final byte[] start;
  private final Fault fault;
  private final boolean webSocket;

  FaultyServer(String start, Fault fault) throws IOException {
    this(start, fault, false);
  }

  /**
   * With {@code webSocket}, it first accepts the WebSocket upgrade and sends {@code start} as one
   * binary message per line.
   */
  FaultyServer(String start, Fault fault, boolean webSocket) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getByName("::1"));
    this.start = webSocket ? frames(start) : start.getBytes(StandardCharsets.UTF_8);
    this.fault = fault;
    this.webSocket = webSocket;
    Thread.ofVirtual().start(this::serve);
  }

  private static byte[] frames(String lines) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (String line : lines.split("\n")) {
      byte[] payload = line.getBytes(StandardCharsets.UTF_8);
      out.write(0x82); // FIN, binary
      out.write(payload.length); // short messages only
      out.writeBytes(payload);
    }
    return out.toByteArray();
  }

  /** Reads the upgrade request and answers 101 with the accept key RFC 6455 asks for. */
  private static void upgrade(InputStream in, OutputStream out) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("no upgrade request");
      }
      head.append((char) b);
    }
    java.util.regex.Matcher key =
        java.util.regex.Pattern.compile("(?i)sec-websocket-key:\\s*(\\S+)").matcher(head);
    if (!key.find()) {
      throw new IOException("no key");
    }
    String accept;
    try {
      accept =
          java.util.Base64.getEncoder()
              .encodeToString(
                  java.security.MessageDigest.getInstance("SHA-1")
                      .digest(
                          (key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                              .getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: "
                + accept
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        client.setTcpNoDelay(true);
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        if (webSocket) {
          upgrade(in, out);
        }
        in.read(new byte[64]); // the command, whatever it is
        out.write(start);
        out.flush();
        if (fault == Fault.RESET) {
          client.setSoLinger(true, 0); // the close below sends RST
          continue;
        }
        if (fault == Fault.CLOSE) {
          client.shutdownOutput();
        }
        in.read(); // until the client closes (or gives up, when stalled)
      } catch (IOException e) {
        // next client, or closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
