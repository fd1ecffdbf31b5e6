package lab3.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab3.transport.Endpoint;
import lab3.transport.Family;

/**
 * A WebSocket server for client tests that plays a script, frame by frame: one connection on
 * 127.0.0.1 (or ::1), a port of its own. It accepts the upgrade, waits for the client's first
 * message (the PMU command), then sends the scripted frames (whole messages, fragmented ones, a
 * close with any code) and ends as scripted: a close handshake, a connection ended or reset without
 * one, or silence. It records the client's messages and the code of the client's close frame.
 *
 * <pre>{@code
 * try (ScriptedWsPeer peer = ScriptedWsPeer.builder()
 *         .fragmented(PmuStreams.floodme("Two households"), 3, 8).close(1000, "bye").start();
 *     WsPmuClient client = WsPmuClient.builder().build()) {
 *   client.send(peer.endpoint(), PmuCommand.parse("CMD_floodme"), PmuListener.forText(text::append));
 *   assertEquals(List.of("CMD_floodme"), peer.received());
 * }
 * }</pre>
 *
 * <p>Frames from the server are never masked and carry binary payloads unless {@link Builder#text}
 * says otherwise, as the lab's server sends them. The pitfall: the peer serves one connection; a
 * second client waits for ever (make a peer per session).
 */
public final class ScriptedWsPeer implements Closeable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** How the connection ends after the scripted frames. */
  public enum Ending {
    /** A close frame (the scripted code, 1000 by default), then wait for the client's. */
    CLOSE,
    /** The TCP connection ends (FIN) without a close frame. */
    DROP,
    /** The TCP connection is reset (RST): the peer's process died. */
    RESET,
    /** Nothing more: the connection stays open and silent until {@link #close()}. */
    SILENCE
  }

  private final List<byte[]> frames;
  private final Ending ending;
  private final int closeCode;
  private final String closeReason;
  private final ServerSocket server;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile int clientCloseCode = -1;
  private volatile Socket socket;
  private Thread thread;

  private ScriptedWsPeer(Builder builder) throws IOException {
    this.frames = List.copyOf(builder.frames);
    this.ending = builder.ending;
    this.closeCode = builder.closeCode;
    this.closeReason = builder.closeReason;
    this.server =
        new ServerSocket(
            0, 1, InetAddress.getByName(builder.family == Family.IPV6 ? "::1" : "127.0.0.1"));
  }

  /**
   * A builder: no frames, then a normal close (1000).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Where a client connects: {@code 127.0.0.1} (or {@code ::1}) and the peer's port.
   *
   * @return the endpoint
   */
  public Endpoint endpoint() {
    return new Endpoint(
        server.getInetAddress().getHostAddress().contains(":") ? "::1" : "127.0.0.1",
        server.getLocalPort());
  }

  /**
   * The peer's port.
   *
   * @return the port
   */
  public int port() {
    return server.getLocalPort();
  }

  /**
   * The client's messages (text, or binary decoded as UTF-8), in order.
   *
   * @return the messages received
   */
  public List<String> received() {
    return List.copyOf(received);
  }

  /**
   * The status code of the client's close frame, once the peer has seen it; -1 before or without.
   *
   * @param timeout how long to wait for the session to end
   * @return the client's close code, or -1
   * @throws InterruptedException if interrupted while waiting
   */
  public int clientCloseCode(java.time.Duration timeout) throws InterruptedException {
    done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    return clientCloseCode;
  }

  private ScriptedWsPeer start() {
    thread = Thread.ofVirtual().name("scripted-ws-peer").start(this::serve);
    return this;
  }

  private void serve() {
    try (Socket s = server.accept()) {
      socket = s;
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      String head = readHead(in);
      Matcher key = Pattern.compile("(?i)Sec-WebSocket-Key: *(\\S+)").matcher(head);
      if (!key.find()) {
        out.write(
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      out.write(
          ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Accept: "
                  + accept(key.group(1))
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      DataInputStream frames = new DataInputStream(in);
      readUntilMessage(frames); // the command
      for (byte[] frame : this.frames) {
        out.write(frame);
      }
      out.flush();
      switch (ending) {
        case CLOSE -> {
          out.write(closeFrame(closeCode, closeReason));
          out.flush();
          readUntilClose(frames);
        }
        case DROP -> {
          s.shutdownOutput(); // a FIN and no close frame
          readUntilClose(frames);
        }
        case RESET -> s.setSoLinger(true, 0); // the close below sends an RST
        case SILENCE -> readUntilClose(frames);
      }
    } catch (IOException e) {
      // the client went away, or close() ended the session: nothing to report
    } finally {
      done.countDown();
    }
  }

  /** Reads client frames until one whole data message has arrived. */
  private void readUntilMessage(DataInputStream in) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      Frame f = readFrame(in);
      if (f.opcode == 0x8) {
        clientCloseCode = closeCode(f.payload);
        throw new EOFException("the client closed before sending a message");
      }
      if (f.opcode >= 0x8) {
        continue; // ping, pong
      }
      message.writeBytes(f.payload);
      if (f.fin) {
        received.add(message.toString(StandardCharsets.UTF_8));
        return;
      }
    }
  }

  private void readUntilClose(DataInputStream in) throws IOException {
    while (true) {
      Frame f = readFrame(in);
      if (f.opcode == 0x8) {
        clientCloseCode = closeCode(f.payload);
        return;
      }
      if (f.opcode < 0x8 && f.fin) {
        received.add(new String(f.payload, StandardCharsets.UTF_8));
      }
    }
  }

  private record Frame(boolean fin, int opcode, byte[] payload) {}

  /** The status code of a close frame's payload; 1005 (none given) if it has none. */
  private static int closeCode(byte[] payload) {
    return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
  }

  private static Frame readFrame(DataInputStream in) throws IOException {
    int b0 = in.readUnsignedByte();
    int b1 = in.readUnsignedByte();
    long length = b1 & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    if (length > 16 * 1024 * 1024) {
      throw new IOException("a client frame of " + length + " bytes");
    }
    byte[] mask = new byte[4];
    if ((b1 & 0x80) != 0) {
      in.readFully(mask);
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    for (int i = 0; i < payload.length; i++) {
      payload[i] ^= mask[i & 3];
    }
    return new Frame((b0 & 0x80) != 0, b0 & 0x0f, payload);
  }

  /** One server frame: never masked. */
  static byte[] frame(boolean fin, int opcode, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | opcode);
    if (payload.length < 126) {
      out.write(payload.length);
    } else if (payload.length < 65536) {
      out.write(126);
      out.write(payload.length >>> 8);
      out.write(payload.length & 0xff);
    } else {
      out.write(127);
      long n = payload.length;
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (n >>> shift) & 0xff);
      }
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static byte[] closeFrame(int code, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + text.length];
    payload[0] = (byte) (code >>> 8);
    payload[1] = (byte) code;
    System.arraycopy(text, 0, payload, 2, text.length);
    return frame(true, 0x8, payload);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the client closed during the handshake");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > 16384) {
        throw new IOException("an HTTP head of more than 16 KiB");
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static String accept(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return Base64.getEncoder()
          .encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /** Stops listening and ends the session, whatever it was doing. */
  @Override
  public void close() throws IOException {
    server.close();
    Socket s = socket;
    if (s != null) {
      s.close();
    }
    if (thread != null) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Configures a {@link ScriptedWsPeer}. */
  public static final class Builder {
    private final List<byte[]> frames = new ArrayList<>();
    private Ending ending = Ending.CLOSE;
    private int closeCode = 1000;
    private String closeReason = "";
    private boolean text;
    private Family family = Family.IPV4;

    private Builder() {}

    /**
     * Listens on {@code ::1} for {@link Family#IPV6}, on {@code 127.0.0.1} (the default) for {@link
     * Family#IPV4}.
     *
     * @param family {@link Family#IPV4} or {@link Family#IPV6}
     * @return this builder
     */
    public Builder family(Family family) {
      checkArgument(family == Family.IPV4 || family == Family.IPV6, "IPV4 or IPV6: %s", family);
      this.family = family;
      return this;
    }

    /**
     * Sends later messages as text frames (binary by default, as the lab's server does).
     *
     * @param text true for text frames
     * @return this builder
     */
    public Builder text(boolean text) {
      this.text = text;
      return this;
    }

    /**
     * One whole message in one frame.
     *
     * @param message the payload
     * @return this builder
     */
    public Builder message(byte[] message) {
      frames.add(frame(true, text ? 0x1 : 0x2, message.clone()));
      return this;
    }

    /**
     * One whole message in one frame: the ASCII (or UTF-8) bytes of {@code message}.
     *
     * @param message the text, e.g. {@code "This is PMU data 1"}
     * @return this builder
     */
    public Builder message(String message) {
      return message(checkNotNull(message, "message").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One message in several frames, cut at the given offsets: the first frame has the message's
     * opcode and no FIN bit, the rest are continuation frames, the last with FIN. The client must
     * deliver it as one message.
     *
     * @param message the payload
     * @param at strictly increasing offsets inside the message
     * @return this builder
     */
    public Builder fragmented(byte[] message, int... at) {
      checkArgument(at.length > 0, "at least one cut; a whole message is message(...)");
      List<byte[]> pieces = PmuStreams.cut(message, at);
      for (int i = 0; i < pieces.size(); i++) {
        int opcode = i == 0 ? (text ? 0x1 : 0x2) : 0x0;
        frames.add(frame(i == pieces.size() - 1, opcode, pieces.get(i)));
      }
      return this;
    }

    /**
     * Any bytes, sent as they are after the frames before: a malformed frame, say.
     *
     * @param bytes the raw bytes
     * @return this builder
     */
    public Builder raw(byte[] bytes) {
      frames.add(Arrays.copyOf(bytes, bytes.length));
      return this;
    }

    /**
     * Ends with a close frame of this code and reason (1000 and "" by default).
     *
     * @param code the status code, e.g. 1011 for a server error
     * @param reason the reason, at most 123 bytes of UTF-8
     * @return this builder
     */
    public Builder close(int code, String reason) {
      checkArgument(reason.getBytes(StandardCharsets.UTF_8).length <= 123, "reason too long");
      this.ending = Ending.CLOSE;
      this.closeCode = code;
      this.closeReason = reason;
      return this;
    }

    /**
     * Ends as {@link Ending#DROP}, {@link Ending#RESET} or {@link Ending#SILENCE} instead of a
     * close frame.
     *
     * @param ending {@link Ending#DROP}, {@link Ending#RESET} or {@link Ending#SILENCE}
     * @return this builder
     */
    public Builder then(Ending ending) {
      this.ending = checkNotNull(ending, "ending");
      return this;
    }

    /**
     * Listens on 127.0.0.1 and a free port, and serves one connection on a virtual thread.
     *
     * @return the peer, listening
     * @throws IOException if it cannot listen
     */
    public ScriptedWsPeer start() throws IOException {
      return new ScriptedWsPeer(this).start();
    }
  }
}
