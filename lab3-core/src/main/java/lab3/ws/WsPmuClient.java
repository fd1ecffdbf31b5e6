package lab3.ws;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.base.Throwables;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import lab3.internal.OptionalDependency;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.pmu.internal.Deliver;
import lab3.pmu.internal.Utf8StreamDecoder;
import lab3.transport.Endpoint;
import lab3.transport.internal.Timeouts;
import lab3.ws.internal.PlainOnly;
import lab3.ws.internal.WsClientFrame;
import lab3.ws.internal.WsConnection;
import lab3.ws.internal.WsFrameDecoder;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * The PDC of Part 5: a WebSocket client that sends one PMU command to {@code ws://host:port/} and
 * delivers the answer until the server closes.
 *
 * <pre>{@code
 * WsPmuClient client = WsPmuClient.builder().build();
 * WsResult r = client.exchange(new Endpoint("::1", 5006), PmuCommand.parse("CMD_short:0"), listener);
 * }</pre>
 *
 * <p>It hands messages over as {@link lab3.pmu.PmuClient} does, so the two are interchangeable: for
 * {@code CMD_short}, one call per WebSocket message: {@link PmuListener#onMessage}, or for a binary
 * message of ASCII bytes (the lab's server sends binary) a {@link lab3.pmu.PmuByteListener}'s
 * {@code onMessageBytes}; for {@code CMD_floodme}, the message's text as it arrives, as {@link
 * lab3.pmu.PmuClient} hands over its reads: well-formed UTF-8 as its bytes (to a byte listener's
 * {@code onTextBytes}, or decoded to {@link PmuListener#onText}), in pieces of at most a read (128
 * KiB), never a character cut, with what is not well-formed decoded to U+FFFD. Text and binary
 * messages are handed over alike. The difference the lab asks about shows in the counts: one
 * message is one {@code on_message} call however the server cut it into frames and however TCP cut
 * those into segments.
 *
 * <p>{@link PmuListener#onReadComplete} (where a printer flushes) follows every read of the socket
 * that delivered something, before the client waits for more, as {@link lab3.pmu.PmuClient} flushes
 * once per network read: messages that arrived together are flushed together.
 *
 * <p>Everything happens on the thread that calls {@link #send}, with blocking calls: OkHttp
 * connects and makes the opening handshake (an HTTP/1.1 upgrade), then hands the socket over, and
 * this client reads the frames from it itself ({@code lab3.ws.internal.WsFrameDecoder}). That is so
 * a large message streams: OkHttp's own WebSocket assembles every message in memory before handing
 * it over, on a thread of its own. The client answers pings, and the server's close frame with one
 * of its own, then waits (a second at most) for the server to end the TCP connection. It never
 * waits longer than the read time-out (plus the d of {@code CMD_short:d}) for the server. It offers
 * no extension: like the lab's client, Python's websocket-client, it never asks for
 * permessage-deflate, so the server sends the PMU's bytes as they are and what Wireshark shows (Q19,
 * Q21) is the lab's traffic.
 *
 * <p>A message larger than {@link Builder#maxMessageBytes} fails the session, found at the header
 * of the frame that takes it over the limit, before that frame's bytes are delivered (the text of
 * the frames before it has been, for a floodme cut into frames).
 *
 * <p>Needs OkHttp, an optional dependency of lab3-core. <b>Add {@code
 * com.squareup.okhttp3:okhttp-jvm} to your dependencies, and on the module path {@code requires
 * okhttp3;} to your module-info</b> ({@code lab3-bom} gives its version). {@link #builder()} fails
 * at once, saying so, when it is missing. Every client built without {@link Builder#okHttpClient}
 * shares one default OkHttp client (its connection pool and dispatcher), so building many clients
 * costs little. {@link #close} cancels the sessions still open and refuses new ones; it leaves the
 * shared OkHttp client, and a client you passed in, to their owners.
 */
public final class WsPmuClient implements Closeable {
  /**
   * The most one read of the socket asks for: 128 KiB, as {@link lab3.pmu.PmuClient} reads by
   * default (the most the JDK's socket reads in one system call).
   */
  static final int READ_BYTES = 128 * 1024;

  private final OkHttpClient http;
  private final Duration silence;
  private final long maxMessageBytes;
  private final SocketOpener opener;
  private final Set<WsConnection> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private WsPmuClient(Builder builder) {
    this.http =
        builder
            .http
            .newBuilder()
            .protocols(java.util.List.of(Protocol.HTTP_1_1)) // an upgrade is HTTP/1.1 only
            .connectTimeout(builder.connectTimeout)
            // OkHttp's read time-out bounds the handshake only: after it, the client reads the
            // socket itself, with the socket's time-out (okio's arms a watchdog per 8 KiB read).
            .readTimeout(builder.silence)
            .writeTimeout(builder.silence)
            .build();
    this.silence = builder.silence;
    this.maxMessageBytes = builder.maxMessageBytes;
    this.opener = builder.opener;
  }

  /**
   * A builder with every default.
   *
   * @return a new builder
   * @throws IllegalStateException if OkHttp is not on the class path (or module path), naming the
   *     artifact to add
   */
  public static Builder builder() {
    OptionalDependency.OKHTTP.require("lab3.ws.WsPmuClient");
    return new Builder();
  }

  /** The OkHttp client the sessions connect with (tests: the shared default dispatcher). */
  OkHttpClient http() {
    return http;
  }

  /**
   * Cancels every session still open (its {@link #exchange} fails with an {@link IOException}) and
   * refuses new ones. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    for (WsConnection session : open) {
      session.cancel();
    }
    open.clear();
  }

  /**
   * The URL the client opens for {@code endpoint}: {@code ws://host:port/}.
   *
   * @param endpoint the host name or address literal, and the port
   * @return the URL the client opens for {@code endpoint}: {@code ws://host:port/}
   */
  public static String url(Endpoint endpoint) {
    return "ws://" + endpoint + "/";
  }

  /**
   * Connects, sends {@code command} as a text message, delivers every message to {@code listener}
   * on this thread until the server closes, and returns the counts: the same call, listener and
   * result as {@link lab3.pmu.PmuClient#send}. {@link #exchange} also tells how the server closed.
   *
   * @throws IOException as {@link #exchange} does
   * @param endpoint the host name or address literal, and the port
   * @param command the command to send, e.g. {@code PmuCommand.parse("CMD_short:0")}
   * @param listener receives the messages or the text as they arrive
   * @return the pmu result
   */
  public PmuResult send(Endpoint endpoint, PmuCommand command, PmuListener listener)
      throws IOException {
    return exchange(endpoint, command, listener).pmu();
  }

  /**
   * Connects, sends {@code command} as a text message, delivers every message to {@code listener}
   * on this thread until the server closes, and returns the counts and the close code.
   *
   * @throws ConnectException if the server cannot be reached
   * @throws ProtocolException if the handshake fails (the server's HTTP answer is in the message),
   *     the server breaks RFC 6455, or a message is larger than {@link Builder#maxMessageBytes}
   * @throws WsCloseException if the server closes with a code other than 1000 (or none)
   * @throws EOFException if the connection ends without a close frame (abnormal closure, 1006)
   * @throws SocketTimeoutException if the server stays silent too long
   * @throws IOException for other network failures, or what the listener throws
   * @param endpoint the host name or address literal, and the port
   * @param command the command to send, e.g. {@code PmuCommand.parse("CMD_short:0")}
   * @param listener receives the messages or the text as they arrive
   * @return the ws result
   */
  public WsResult exchange(Endpoint endpoint, PmuCommand command, PmuListener listener)
      throws IOException {
    checkNotNull(endpoint, "endpoint");
    checkNotNull(command, "command");
    checkNotNull(listener, "listener");
    checkState(!closed, "this WsPmuClient is closed");
    long start = System.nanoTime();
    String url = url(endpoint);
    // OkHttp names WebSocket URLs by the scheme of their handshake: ws:// is http://.
    HttpUrl httpUrl =
        new HttpUrl.Builder().scheme("http").host(endpoint.host()).port(endpoint.port()).build();
    Duration wait =
        silence.isZero()
            ? Duration.ZERO
            : silence.plus(command instanceof PmuCommand.Short s ? s.interval() : Duration.ZERO);
    WsConnection connection = new WsConnection(http, opener);
    open.add(connection);
    if (closed) { // closed while we were starting: close() may have missed this session
      connection.cancel();
    }
    try {
      try {
        connection.handshake(httpUrl);
      } catch (WsConnection.HandshakeRefused e) {
        throw withCause(
            new ProtocolException(
                "WebSocket handshake with "
                    + url
                    + " failed: the server answered "
                    + e.getMessage()
                    + " instead of 101 Switching Protocols"),
            e);
      } catch (IOException e) {
        throw failure(e, url, "no answer to the WebSocket handshake from " + url, silence);
      }
      Socket socket = connection.socket();
      socket.setSoTimeout(Timeouts.millis(wait));
      OutputStream out = connection.output();
      out.write(WsClientFrame.text(command.wire()));
      out.flush();
      Session session = new Session(command, listener, out);
      session.receive(socket, connection.input(), new WsFrameDecoder(maxMessageBytes), url, wait);
      if (session.closeCode != 1000 && session.closeCode != 1005) {
        throw new WsCloseException(session.closeCode, session.closeReason);
      }
      PmuResult counts =
          new PmuResult(
              command,
              (InetSocketAddress) socket.getRemoteSocketAddress(),
              session.messages,
              session.onMessage,
              session.bytes,
              Duration.ofNanos(System.nanoTime() - start));
      return new WsResult(counts, session.closeCode, session.closeReason);
    } finally {
      open.remove(connection);
      connection.close(); // the socket goes at once: nothing is left waiting on it
    }
  }

  /** One session after the handshake: the frames read, the messages handed to the listener. */
  private static final class Session implements WsFrameDecoder.Frames {
    private final boolean flood;
    private final PmuListener listener;
    private final OutputStream out;
    // A floodme's text goes on as it arrives; a CMD_short message is assembled, then handed over.
    private final Utf8StreamDecoder text;
    private byte[] message = new byte[64];
    private int length;
    private boolean textMessage;
    private boolean unflushed; // delivered since the last onReadComplete
    long messages;
    long onMessage;
    long bytes;
    int closeCode = -1;
    String closeReason = "";

    Session(PmuCommand command, PmuListener listener, OutputStream out) {
      this.flood = command instanceof PmuCommand.Floodme;
      this.listener = listener;
      this.out = out;
      this.text = flood ? new Utf8StreamDecoder() : null;
    }

    /** Reads and decodes until the server's close frame, then until the server's end. */
    void receive(Socket socket, InputStream in, WsFrameDecoder frames, String url, Duration wait)
        throws IOException {
      byte[] buf = new byte[READ_BYTES];
      while (!frames.closed()) {
        int n;
        try {
          n = in.read(buf);
        } catch (SocketTimeoutException e) {
          throw withCause(
              new SocketTimeoutException("no data from " + url + " for " + Timeouts.describe(wait)),
              e);
        } catch (IOException e) {
          flush();
          throw failure(e, url, "no data from " + url, wait);
        }
        if (n < 0) {
          flush(); // what arrived before the end is the listener's
          throw new EOFException(
              "the connection to "
                  + url
                  + " ended without a WebSocket close frame (abnormal closure, 1006)");
        }
        try {
          frames.decode(buf, 0, n, this);
        } catch (WsFrameDecoder.Violation v) {
          flush();
          send(WsClientFrame.close(v.closeCode())); // fail the connection, saying why
          throw withCause(
              new ProtocolException("WebSocket session with " + url + " failed: " + v.getMessage()),
              v);
        }
        flush();
      }
      awaitServersEnd(socket, in, buf);
    }

    /**
     * After the close handshake the server ends the TCP connection, so that the server, not the
     * client, holds the connection's TIME_WAIT (RFC 6455, 7.1.1): the client waits for that end, a
     * second at most, before it closes its socket. What still arrives is ignored.
     */
    private static void awaitServersEnd(Socket socket, InputStream in, byte[] buf) {
      try {
        socket.setSoTimeout(1000);
        while (in.read(buf) >= 0) {
          // after the close frame, nothing counts
        }
      } catch (IOException e) {
        // a server that keeps the connection open, or resets it: the session is over either way
      }
    }

    private void flush() throws IOException {
      if (unflushed) {
        unflushed = false;
        listener.onReadComplete();
      }
    }

    /** Writes a control frame; a server that has gone already does not need it. */
    private void send(byte[] frame) {
      try {
        out.write(frame);
        out.flush();
      } catch (IOException e) {
        // the session ends here either way
      }
    }

    @Override
    public void onMessageStart(boolean text) {
      textMessage = text;
      length = 0;
    }

    @Override
    public void onMessageBytes(byte[] buf, int off, int len) throws IOException {
      bytes += len;
      if (flood) {
        text.deliver(buf, off, len, listener);
        unflushed = true;
        return;
      }
      if (length + len > message.length) {
        message = Arrays.copyOf(message, Math.max(length + len, message.length * 2));
      }
      System.arraycopy(buf, off, message, length, len);
      length += len;
    }

    @Override
    public void onMessageEnd() throws IOException {
      onMessage++;
      unflushed = true;
      if (flood) {
        CharBuffer cut = text.finish(); // a character cut at the message's end
        if (cut.hasRemaining()) {
          listener.onText(cut);
        }
        return;
      }
      messages++;
      if (!textMessage && isAscii(message, length)) {
        Deliver.message(listener, message, 0, length);
      } else {
        listener.onMessage(new String(message, 0, length, StandardCharsets.UTF_8));
      }
    }

    @Override
    public void onPing(byte[] payload) {
      send(WsClientFrame.pong(payload));
    }

    @Override
    public void onClose(int code, String reason) {
      closeCode = code;
      closeReason = reason;
      send(WsClientFrame.close(1000)); // the close handshake: the server may now end the TCP
    }
  }

  private static boolean isAscii(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static <T extends IOException> T withCause(T e, Throwable cause) {
    e.initCause(cause);
    return e;
  }

  /**
   * Turns a failure into an exception that says what happened, keeping the cause: {@code silent}
   * begins the message of a time-out, which ends with how long was waited.
   */
  static IOException failure(IOException t, String url, String silent, Duration wait) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    String root = Throwables.getRootCause(t).getMessage();
    if (root != null && !message.contains(root)) {
      message +=
          " (" + root + ")"; // OkHttp's "Failed to connect to ..." hides "Connection refused"
    }
    IOException e;
    if (t instanceof ConnectException) {
      e = new ConnectException("cannot connect to " + url + ": " + message);
    } else if (t instanceof UnknownHostException) {
      e = new UnknownHostException("cannot resolve the host of " + url + ": " + message);
    } else if (t instanceof SocketTimeoutException) {
      e = new SocketTimeoutException(silent + " for " + Timeouts.describe(wait));
    } else if (t instanceof ProtocolException) {
      e = new ProtocolException("WebSocket session with " + url + " failed: " + message);
    } else {
      e = new IOException("WebSocket session with " + url + " failed: " + message);
    }
    return withCause(e, t);
  }

  /**
   * Runs the creation of each session's socket where the caller needs it. OkHttp connects on
   * threads of its own, and on Linux a socket belongs to the network namespace of the thread that
   * created it: an opener that runs {@code create} on a thread inside a namespace makes the session
   * connect from there.
   */
  @FunctionalInterface
  public interface SocketOpener {
    /**
     * Runs {@code create} and returns the socket it made.
     *
     * @param create makes an unconnected socket, its descriptor already open
     * @return the socket {@code create} returned
     * @throws IOException if {@code create} failed or could not be run
     */
    Socket open(Callable<Socket> create) throws IOException;
  }

  /** Configures a {@link WsPmuClient}. */
  public static final class Builder {
    private OkHttpClient http;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration silence = Duration.ofSeconds(30);
    private long maxMessageBytes = 64L * 1024 * 1024;
    private SocketOpener opener;

    private Builder() {}

    /**
     * Where each session's socket is created (by default on OkHttp's connecting thread).
     *
     * @param opener runs the creation of each socket
     * @return this builder
     */
    public Builder socketOpener(SocketOpener opener) {
      this.opener = checkNotNull(opener, "opener");
      return this;
    }

    /**
     * The OkHttp client to connect with (its connection settings, DNS, proxy, event listener...);
     * this builder's time-outs replace its own, and it speaks HTTP/1.1 only, as an upgrade must.
     * The client this builder makes by default gives OkHttp no TLS context (it speaks {@code ws://}
     * only, and making one costs about 0.6 s at start-up). Sessions run on the caller's thread, so
     * OkHttp's dispatcher and its limits take no part.
     *
     * @param client the OkHttp client to build on
     * @return this builder
     */
    @SuppressWarnings("exports") // okhttp3 is "requires static": a caller of this requires it
    public Builder okHttpClient(OkHttpClient client) {
      this.http = checkNotNull(client, "client");
      return this;
    }

    /**
     * How long connecting may take; 10 s by default. Zero waits forever.
     *
     * @param timeout how long connecting and the handshake may take
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Timeouts.check("connect time-out", timeout);
      return this;
    }

    /**
     * How long the server may stay silent (during the handshake, and between messages beyond the d
     * of {@code CMD_short:d}) before the client gives up with a {@link SocketTimeoutException}.
     * Zero waits forever. Default 30 s.
     *
     * @param silence how long the server may stay silent; zero waits forever
     * @return this builder
     */
    public Builder readTimeout(Duration silence) {
      this.silence = Timeouts.check("read time-out", silence);
      return this;
    }

    /**
     * The largest message accepted, in payload bytes; 64 MiB by default.
     *
     * @param bytes the largest message accepted, in bytes
     * @return this builder
     */
    public Builder maxMessageBytes(long bytes) {
      checkArgument(bytes >= 1, "message size limit must be positive, got %s", bytes);
      this.maxMessageBytes = bytes;
      return this;
    }

    /**
     * A client with these settings.
     *
     * @return a new client; close it when done
     */
    public WsPmuClient build() {
      if (http == null) {
        http = SharedDefault.HTTP;
      }
      return new WsPmuClient(this);
    }
  }

  /** The OkHttp client every default-built WsPmuClient starts from, made on first use. */
  private static final class SharedDefault {
    static final OkHttpClient HTTP = make();

    private static OkHttpClient make() {
      return new OkHttpClient.Builder()
          .sslSocketFactory(PlainOnly.SOCKETS, PlainOnly.TRUST) // ws:// only: no TLS set-up
          .build();
    }
  }
}
