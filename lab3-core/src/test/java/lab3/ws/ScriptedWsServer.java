package lab3.ws;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault injector for client tests: a one-connection server on 127.0.0.1 that reads the HTTP
 * request and then misbehaves in a scripted way (a non-101 answer, a 101 then a dropped connection,
 * a 101 then silence), or sends frames the emulator never sends (frames in the same write as the
 * 101, a ping inside a message, a masked frame). It records the client's frames after its command:
 * {@link #fromClient}.
 */
final class ScriptedWsServer implements Closeable {
  enum Script {
    ANSWER_404,
    /** The request is read and never answered. */
    SILENT_HANDSHAKE,
    ACCEPT_THEN_DROP,
    ACCEPT_THEN_SILENCE,
    /** A message and the close in the very write of the 101, before the client's command. */
    MESSAGE_WITH_THE_101,
    /** After the command: a message in two frames with a ping between them, then the close. */
    PING_INSIDE_A_MESSAGE,
    /** After the command: a masked frame, which a client must refuse. */
    MASKED_FRAME,
    /** A 101 whose Sec-WebSocket-Accept is the right one in lower case (base64 is not). */
    WRONG_ACCEPT
  }

  private static final int FIN = 0x80;

  private final List<String> fromClient = new CopyOnWriteArrayList<>();
  private final CountDownLatch done = new CountDownLatch(1);

  private final ServerSocket server;
  private final Thread thread;

  ScriptedWsServer(Script script) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread = Thread.ofVirtual().start(() -> serve(script));
  }

  int port() {
    return server.getLocalPort();
  }

  /**
   * The client's frames after its command, once the script has run: "pong:payload", "close:code".
   */
  List<String> fromClient() throws InterruptedException {
    if (!done.await(20, TimeUnit.SECONDS)) {
      throw new AssertionError("the script did not end");
    }
    return fromClient;
  }

  private void serve(Script script) {
    try (Socket socket = server.accept()) {
      play(script, socket);
    } catch (IOException e) {
      // the test sees the outcome on the client side
    } finally {
      done.countDown();
    }
  }

  private void play(Script script, Socket socket) throws IOException {
    String request = readHead(socket.getInputStream());
    OutputStream out = socket.getOutputStream();
    if (script == Script.ANSWER_404) {
      out.write(
          "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return;
    }
    if (script == Script.SILENT_HANDSHAKE) {
      socket.getInputStream().transferTo(OutputStream.nullOutputStream()); // until the client goes
      return;
    }
    Matcher key = Pattern.compile("(?i)Sec-WebSocket-Key: *(\\S+)").matcher(request);
    if (!key.find()) {
      return;
    }
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: "
                + (script == Script.WRONG_ACCEPT
                    ? accept(key.group(1)).toLowerCase(java.util.Locale.ROOT)
                    : accept(key.group(1)))
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    DataInputStream in = new DataInputStream(socket.getInputStream());
    switch (script) {
      case ACCEPT_THEN_SILENCE -> {
        out.flush();
        in.transferTo(OutputStream.nullOutputStream()); // until the client goes
      }
      case MESSAGE_WITH_THE_101 -> {
        // One write: whatever the client's HTTP library reads with the 101 holds the frames.
        out.write(frame(FIN | 0x2, "This is PMU data 1".getBytes(StandardCharsets.US_ASCII)));
        out.write(frame(FIN | 0x8, new byte[] {0x03, (byte) 0xE8}));
        out.flush();
        readFrame(in); // the command
        fromClient.add(readFrame(in));
      }
      case PING_INSIDE_A_MESSAGE -> {
        out.flush();
        readFrame(in); // the command
        out.write(frame(0x2, "This is PMU ".getBytes(StandardCharsets.US_ASCII)));
        out.write(frame(FIN | 0x9, "are you there".getBytes(StandardCharsets.US_ASCII)));
        out.write(frame(FIN, "data 1".getBytes(StandardCharsets.US_ASCII)));
        out.flush();
        fromClient.add(readFrame(in)); // the pong
        out.write(frame(FIN | 0x8, new byte[] {0x03, (byte) 0xE8}));
        out.flush();
        fromClient.add(readFrame(in));
        // RFC 6455, 7.1.1: the server ends the TCP connection; the client waits for that.
        socket.setSoTimeout(300);
        try {
          fromClient.add(in.read() < 0 ? "the client ended first" : "more bytes");
        } catch (java.net.SocketTimeoutException e) {
          fromClient.add("the client waited for the server's end");
        }
      }
      case MASKED_FRAME -> {
        out.flush();
        readFrame(in); // the command
        out.write(new byte[] {(byte) 0x82, (byte) 0x81, 1, 2, 3, 4, 'x' ^ 1});
        out.flush();
        fromClient.add(readFrame(in));
      }
      default -> out.flush();
    }
  }

  /** An unmasked frame with a payload of at most 125 bytes. */
  private static byte[] frame(int b0, byte[] payload) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(b0);
    frame.write(payload.length);
    frame.writeBytes(payload);
    return frame.toByteArray();
  }

  /** One of the client's frames, "opcode name:payload" ("close:1000" for a close). */
  private static String readFrame(DataInputStream in) throws IOException {
    int b0 = in.readUnsignedByte();
    int b1 = in.readUnsignedByte();
    long length = b1 & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] mask = new byte[4];
    if ((b1 & 0x80) == 0) {
      throw new IOException("an unmasked frame from the client");
    }
    in.readFully(mask);
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    for (int i = 0; i < payload.length; i++) {
      payload[i] ^= mask[i & 3];
    }
    return switch (b0 & 0x0F) {
      case 0x8 -> "close:" + (((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF));
      case 0xA -> "pong:" + new String(payload, StandardCharsets.UTF_8);
      case 0x1 -> "text:" + new String(payload, StandardCharsets.UTF_8);
      default -> "opcode " + (b0 & 0x0F);
    };
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
