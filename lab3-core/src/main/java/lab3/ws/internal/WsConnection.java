package lab3.ws.internal;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import lab3.ws.WsPmuClient;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One WebSocket session's connection: OkHttp connects and makes the opening handshake (RFC 6455,
 * section 4) with an ordinary HTTP/1.1 call, and hands the upgraded socket over; from then on the
 * caller reads and writes the socket's own streams, with blocking calls on its own thread.
 *
 * <p>Why not OkHttp's WebSocket: it assembles every message in memory before handing it over (a 64
 * MiB floodme is 64 MiB of fresh heap, then a copy), on a reader thread of its own. Here the frames
 * are read where they arrive, a large read at a time, and {@link WsFrameDecoder} hands the payload
 * on as it comes.
 *
 * <p>The catch in taking a socket over from an HTTP client is the bytes its buffer already holds:
 * OkHttp reads the response through okio, and a read may bring the first frames along with the 101
 * answer. So the socket's input stream (this class is OkHttp's {@link SocketFactory}) never gives
 * OkHttp a byte past the end of a response head: a read that would cross it is cut there, and the
 * rest is held for the next reader. When the 101 is parsed, OkHttp's buffer is empty and every byte
 * after it is still in the stream.
 *
 * <p>One instance per session; {@link #cancel} may be called from any thread.
 */
public final class WsConnection extends SocketFactory implements Closeable {
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final Random KEYS = new SecureRandom();

  private final OkHttpClient http;
  private final WsPmuClient.SocketOpener opener;
  private final List<GatedSocket> sockets = new CopyOnWriteArrayList<>();
  private volatile Call call;
  private volatile GatedSocket upgraded;
  private volatile Response response;
  private volatile boolean cancelled;

  /**
   * A connection to be opened by {@link #handshake}.
   *
   * @param http the OkHttp client to connect with (its time-outs bound the handshake)
   * @param opener runs the creation of each socket, or null: on OkHttp's connecting thread
   */
  public WsConnection(OkHttpClient http, WsPmuClient.SocketOpener opener) {
    this.http = http.newBuilder().socketFactory(this).build();
    this.opener = opener;
  }

  /**
   * Connects to {@code url} and makes the opening handshake, on this thread.
   *
   * @param url the {@code http://} form of the session's {@code ws://} URL
   * @throws ProtocolException if the server does not accept the upgrade ({@link HandshakeRefused},
   *     with its HTTP status) or answers it wrongly
   * @throws IOException as OkHttp's call does (connection refused, a time-out...)
   */
  public void handshake(HttpUrl url) throws IOException {
    byte[] nonce = new byte[16];
    KEYS.nextBytes(nonce);
    String key = Base64.getEncoder().encodeToString(nonce);
    Request request =
        new Request.Builder()
            .url(url)
            .header("Upgrade", "websocket")
            .header("Connection", "Upgrade")
            .header("Sec-WebSocket-Key", key)
            .header("Sec-WebSocket-Version", "13")
            .build();
    call = http.newCall(request);
    if (cancelled) {
      call.cancel();
    }
    Response answer = call.execute();
    response = answer;
    if (answer.code() != 101) {
      answer.close();
      throw new HandshakeRefused(answer.code(), answer.message());
    }
    expect(answer, "Connection", "Upgrade", true);
    expect(answer, "Upgrade", "websocket", true);
    expect(answer, "Sec-WebSocket-Accept", accept(key), false); // base64: case matters
    // The client asked for no extension and no subprotocol: the server may not choose one.
    for (String refused : new String[] {"Sec-WebSocket-Extensions", "Sec-WebSocket-Protocol"}) {
      if (answer.header(refused) != null) {
        throw new ProtocolException(
            "the server chose "
                + refused
                + ": "
                + answer.header(refused)
                + ", which the client did not offer");
      }
    }
    if (answer.socket() == null) {
      throw new ProtocolException("OkHttp did not hand the upgraded connection over");
    }
    for (GatedSocket socket : sockets) {
      if (socket.in != null && socket.in.sawHead) {
        upgraded = socket;
      }
    }
    if (upgraded == null) {
      throw new ProtocolException("the upgraded connection's socket is not one this client made");
    }
    upgraded.in.open = true;
    if (cancelled) {
      upgraded.close();
    }
  }

  private static void expect(Response answer, String name, String value, boolean anyCase)
      throws ProtocolException {
    String got = answer.header(name);
    if (anyCase ? !value.equalsIgnoreCase(got) : !value.equals(got)) {
      throw new ProtocolException(
          "the server's 101 answer has " + name + ": " + got + " where " + value + " is due");
    }
  }

  /** RFC 6455, 4.2.2: the base64 of the SHA-1 of the key and the protocol's GUID. */
  static String accept(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-1", e); // every JDK must have it
    }
  }

  /**
   * The upgraded socket, after {@link #handshake}: set its read time-out here.
   *
   * @return the socket
   */
  public Socket socket() {
    return upgraded;
  }

  /**
   * What the server sends after the 101 answer, every byte of it.
   *
   * @return the socket's input, after {@link #handshake}
   * @throws IOException if the socket is closed
   */
  public InputStream input() throws IOException {
    return upgraded.getInputStream();
  }

  /**
   * Where the client's frames go.
   *
   * @return the socket's output, after {@link #handshake}
   * @throws IOException if the socket is closed
   */
  public OutputStream output() throws IOException {
    return upgraded.getOutputStream();
  }

  /** Ends the session from any thread: a handshake in progress fails, a read in progress too. */
  public void cancel() {
    cancelled = true;
    Call c = call;
    if (c != null) {
      c.cancel();
    }
    GatedSocket s = upgraded;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // closing is all we wanted
      }
    }
  }

  /** Closes the socket, and gives OkHttp back the exchange it handed over. */
  @Override
  public void close() {
    Response r = response;
    if (r != null && r.socket() != null) {
      closeQuietly(r.socket().getSource());
      closeQuietly(r.socket().getSink());
    }
    for (GatedSocket s : sockets) {
      closeQuietly(s);
    }
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      // the session is over either way
    }
  }

  /** The server answered the handshake with another status than 101: "HTTP 404 Not Found". */
  public static final class HandshakeRefused extends ProtocolException {
    private static final long serialVersionUID = 1L;

    HandshakeRefused(int status, String reason) {
      super("HTTP " + status + (reason.isEmpty() ? "" : " " + reason));
    }
  }

  @Override
  public Socket createSocket() throws IOException {
    if (opener == null) {
      return made(new GatedSocket());
    }
    return opener.open(
        () -> {
          GatedSocket socket = new GatedSocket();
          socket.setKeepAlive(false); // opens the descriptor now, on the opener's thread
          return made(socket);
        });
  }

  private Socket made(GatedSocket socket) {
    sockets.add(socket);
    return socket;
  }

  // OkHttp calls createSocket() and connects itself; the other forms are SocketFactory's contract.

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
  }

  private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
    Socket socket = createSocket();
    if (local != null) {
      socket.bind(local);
    }
    socket.connect(remote);
    return socket;
  }

  /** A socket whose input stream stops OkHttp at the end of each response head. */
  private static final class GatedSocket extends Socket {
    private HeadGate in;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (in == null) {
        in = new HeadGate(super.getInputStream());
      }
      return in;
    }
  }

  /**
   * Passes bytes through, but ends a read at the end of an HTTP response head (its empty line)
   * until {@link #open} is set, holding what came after it for the next read.
   */
  static final class HeadGate extends FilterInputStream {
    volatile boolean open;
    boolean sawHead;
    private int lineLength; // bytes of the current line, not counting CR
    private byte[] held = new byte[0];
    private int heldOff;

    HeadGate(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int n;
      boolean fromHeld = heldOff < held.length;
      if (fromHeld) {
        n = Math.min(len, held.length - heldOff);
        System.arraycopy(held, heldOff, b, off, n);
        heldOff += n;
      } else {
        n = in.read(b, off, len);
      }
      if (n <= 0 || open) {
        return n;
      }
      for (int k = off; k < off + n; k++) {
        byte c = b[k];
        if (c == '\n') {
          if (lineLength == 0) {
            sawHead = true;
            int cut = k + 1;
            hold(b, cut, off + n - cut, fromHeld);
            return cut - off;
          }
          lineLength = 0;
        } else if (c != '\r') {
          lineLength++;
        }
      }
      return n;
    }

    /** Keeps {@code b[from..from + count)} to be read again, before the rest still held. */
    private void hold(byte[] b, int from, int count, boolean fromHeld) {
      if (count == 0) {
        return;
      }
      if (fromHeld) {
        heldOff -= count; // those bytes came from the held ones: give them back
        return;
      }
      byte[] more = new byte[count + held.length - heldOff];
      System.arraycopy(b, from, more, 0, count);
      System.arraycopy(held, heldOff, more, count, held.length - heldOff);
      held = more;
      heldOff = 0;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] scratch = new byte[(int) Math.min(n, 8192)];
      int got = read(scratch, 0, scratch.length);
      return Math.max(got, 0);
    }

    @Override
    public int available() throws IOException {
      return held.length - heldOff + in.available();
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
