package lab3.ws;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.base.Throwables;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lab3.internal.OptionalDependency;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.pmu.internal.Deliver;
import lab3.pmu.internal.Utf8StreamDecoder;
import lab3.transport.Endpoint;
import lab3.transport.internal.Timeouts;
import lab3.ws.internal.InboundLimit;
import lab3.ws.internal.PlainOnly;
import lab3.ws.internal.QueueingListener;
import lab3.ws.internal.WsEvent;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;

/**
 * The PDC of Part 5: a WebSocket client on OkHttp that sends one PMU command to {@code
 * ws://host:port/} and delivers the answer until the server closes.
 *
 * <pre>{@code
 * WsPmuClient client = WsPmuClient.builder().build();
 * WsResult r = client.exchange(new Endpoint("::1", 5006), PmuCommand.parse("CMD_short:0"), listener);
 * }</pre>
 *
 * <p>It hands messages over as {@link lab3.pmu.PmuClient} does, so the two are interchangeable: for
 * {@code CMD_short}, one call per WebSocket message: {@link PmuListener#onMessage}, or for a binary
 * message of ASCII bytes (the lab's server sends binary) a {@link lab3.pmu.PmuByteListener}'s
 * {@code onMessageBytes}; for {@code CMD_floodme}, the whole message: a binary one as its UTF-8
 * bytes (to a byte listener's {@code onTextBytes}, or decoded to {@link PmuListener#onText}, in the
 * pieces of about 8 KiB OkHttp assembled it in, never a character cut), with what is not
 * well-formed decoded to U+FFFD; a text one in one {@link PmuListener#onText} call. The difference
 * the lab asks about shows in the counts: one message is one {@code on_message} call however the
 * server cut it into frames and however TCP cut those into segments.
 *
 * <p>{@link PmuListener#onReadComplete} (where a printer flushes) follows every burst of messages:
 * it is called whenever the messages that have arrived are all delivered, before the client waits
 * for more, and so never later than before the next wait; messages that arrived together are
 * flushed together, as {@link lab3.pmu.PmuClient} flushes once per network read.
 *
 * <p>OkHttp reads on a thread of its own; the messages cross to the caller's thread through a
 * queue, so the listener runs on the thread that called {@link #send}. That thread never waits
 * longer than the read time-out (plus the d of {@code CMD_short:d}) for the next event.
 *
 * <p>OkHttp has no limit on message size and assembles each message in memory; this client counts
 * the bytes that arrive and fails a session whose message outgrows {@link Builder#maxMessageBytes}
 * (exactly when the message is complete, or early, at about twice the limit, while it is still
 * arriving), so a huge message cannot fill the heap.
 *
 * <p>Needs OkHttp, an optional dependency of lab3-core. <b>Add {@code
 * com.squareup.okhttp3:okhttp-jvm} to your dependencies, and on the module path {@code requires
 * okhttp3;} to your module-info</b> ({@code lab3-bom} gives its version). {@link #builder()} fails
 * at once, saying so, when it is missing. Every client built without {@link Builder#okHttpClient}
 * shares one default OkHttp dispatcher (daemon threads that end when idle), so building many
 * clients costs no thread pool each. {@link #close} cancels the sessions still open and refuses new
 * ones; it leaves the shared dispatcher, and a client you passed in, to their owners.
 */
public final class WsPmuClient implements Closeable {
  private final OkHttpClient http;
  private final Duration silence;
  private final long maxMessageBytes;
  private final SocketOpener opener;
  private final Set<WebSocket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private WsPmuClient(Builder builder) {
    this.http =
        builder
            .http
            .newBuilder()
            .connectTimeout(builder.connectTimeout)
            // No read time-out of OkHttp's own: the caller's wait for the next event bounds the
            // server's silence (the handshake included), and OkHttp's time-out arms a watchdog
            // for every read of 8 KiB (measured: 80-100 ms of CPU per 64 MiB floodme).
            .readTimeout(Duration.ZERO)
            .addInterceptor(WsPmuClient::withoutCompression)
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

  /** The OkHttp client the sessions run on (tests: the shared default dispatcher). */
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
    for (WebSocket ws : open) {
      ws.cancel();
    }
    open.clear();
  }

  /**
   * Takes back OkHttp's offer of permessage-deflate (RFC 7692) from the handshake. The lab's
   * client, Python's websocket-client, never offers it, so the server sends the PMU's bytes as they
   * are: what Wireshark shows (Q19, Q21) is then the lab's traffic, not a compressed stream, and
   * the bytes counted on the socket are the message's bytes, which keeps {@link InboundLimit} a
   * real bound (a compressed 8 MiB floodme arrives in about 50 KB).
   */
  private static Response withoutCompression(Interceptor.Chain chain) throws IOException {
    return chain.proceed(
        chain.request().newBuilder().removeHeader("Sec-WebSocket-Extensions").build());
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
   *     or a message is larger than {@link Builder#maxMessageBytes}
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
    BlockingQueue<WsEvent> events = new LinkedBlockingQueue<>();
    InboundLimit limit = new InboundLimit(maxMessageBytes, opener);
    WebSocket ws =
        QueueingListener.open(
            http.newBuilder()
                .socketFactory(
                    limit) // counts what arrives: OkHttp itself has no message size limit
                .build(),
            new Request.Builder().url(httpUrl).build(),
            events,
            limit);
    open.add(ws);
    if (closed) { // closed while we were connecting: close() may have missed this session
      ws.cancel();
    }
    ws.send(command.wire()); // queued by OkHttp until the handshake is done
    boolean flood = command instanceof PmuCommand.Floodme;
    Duration wait =
        silence.isZero()
            ? Duration.ZERO
            : silence.plus(command instanceof PmuCommand.Short s ? s.interval() : Duration.ZERO);
    long messages = 0;
    long onMessage = 0;
    long bytes = 0;
    boolean finished = false;
    boolean unflushed = false; // messages delivered since the last onReadComplete
    ArrayDeque<WsEvent> arrived = new ArrayDeque<>();
    try {
      while (true) {
        if (arrived.isEmpty()) {
          events.drainTo(arrived); // what has arrived, with one lock rather than one per message
        }
        if (arrived.isEmpty()) {
          // Nothing more has arrived: the listener flushes what it has before we wait, once per
          // burst of messages rather than once per message (a write() each when printing).
          if (unflushed) {
            unflushed = false;
            listener.onReadComplete();
          }
          arrived.add(next(events, wait, url));
        }
        WsEvent event = arrived.poll();
        switch (event) {
          case WsEvent.Message m -> {
            if (m.bytes() > maxMessageBytes) {
              throw new ProtocolException(
                  "a message of "
                      + m.bytes()
                      + " bytes from "
                      + url
                      + " exceeds the limit of "
                      + maxMessageBytes
                      + " bytes");
            }
            onMessage++;
            bytes += m.bytes();
            if (flood) {
              deliverText(m, listener);
            } else {
              messages++;
              deliverMessage(m, listener);
            }
            unflushed = true;
          }
          case WsEvent.Closing c -> {
            if (unflushed) {
              listener.onReadComplete();
            }
            if (c.code() != 1000 && c.code() != 1005) {
              throw new WsCloseException(c.code(), c.reason());
            }
            finished = true;
            PmuResult counts =
                new PmuResult(
                    command,
                    new InetSocketAddress(endpoint.host(), endpoint.port()),
                    messages,
                    onMessage,
                    bytes,
                    Duration.ofNanos(System.nanoTime() - start));
            return new WsResult(counts, c.code(), c.reason());
          }
          case WsEvent.Failed f -> {
            if (unflushed) {
              listener.onReadComplete(); // what arrived before the failure is the listener's
            }
            throw failure(f, url);
          }
        }
      }
    } finally {
      open.remove(ws);
      if (!finished) {
        ws.cancel(); // drop the connection at once: no thread is left waiting for it
      }
    }
  }

  /**
   * A floodme message to the listener: a binary one as bytes, the well-formed UTF-8 passed on as it
   * is ({@link lab3.pmu.PmuByteListener#onTextBytes}, in one call when all of it is) and only what
   * is not decoded, with U+FFFD; a text message as its String.
   */
  private static void deliverText(WsEvent.Message m, PmuListener listener) throws IOException {
    if (m.text() != null) {
      listener.onText(m.text());
      return;
    }
    Utf8StreamDecoder utf8 = new Utf8StreamDecoder();
    // The payload in OkHttp's pieces, checked and handed on piece by piece: a character cut
    // between two pieces waits in the decoder for the rest, as between two reads of part2.
    m.binary()
        .writeTo(
            new OutputStream() {
              @Override
              public void write(byte[] piece, int off, int len) throws IOException {
                utf8.deliver(piece, off, len, listener);
              }

              @Override
              public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
              }
            });
    CharBuffer cut = utf8.finish(); // a character cut at the message's end
    if (cut.hasRemaining()) {
      listener.onText(cut);
    }
  }

  /**
   * A {@code CMD_short} message to the listener: a binary one of ASCII bytes (the PMU's) as those
   * bytes (a {@link lab3.pmu.PmuByteListener} gets them as they are: a printer copies them on); any
   * other as its String, decoded from UTF-8.
   */
  private static void deliverMessage(WsEvent.Message m, PmuListener listener) throws IOException {
    if (m.binary() == null) {
      listener.onMessage(m.text());
      return;
    }
    byte[] binary = m.binary().toByteArray();
    if (isAscii(binary)) {
      Deliver.message(listener, binary, 0, binary.length);
    } else {
      listener.onMessage(new String(binary, StandardCharsets.UTF_8));
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static WsEvent next(BlockingQueue<WsEvent> events, Duration wait, String url)
      throws IOException {
    try {
      WsEvent event =
          wait.isZero() ? events.take() : events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new SocketTimeoutException(
            "no data from " + url + " for " + lab3.transport.internal.Timeouts.describe(wait));
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + url);
    }
  }

  /** Turns OkHttp's failure into an exception that says what happened, keeping the cause. */
  static IOException failure(WsEvent.Failed f, String url) {
    Throwable t = f.cause();
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    String root = Throwables.getRootCause(t).getMessage();
    if (root != null && !message.contains(root)) {
      message +=
          " (" + root + ")"; // OkHttp's "Failed to connect to ..." hides "Connection refused"
    }
    IOException e;
    if (f.httpStatus() >= 0) {
      e =
          new ProtocolException(
              "WebSocket handshake with "
                  + url
                  + " failed: the server answered HTTP "
                  + f.httpStatus()
                  + (f.httpMessage().isEmpty() ? "" : " " + f.httpMessage())
                  + " instead of 101 Switching Protocols");
    } else if (t instanceof ConnectException) {
      e = new ConnectException("cannot connect to " + url + ": " + message);
    } else if (t instanceof UnknownHostException) {
      e = new UnknownHostException("cannot resolve the host of " + url + ": " + message);
    } else if (t instanceof SocketTimeoutException) {
      e = new SocketTimeoutException(url + ": " + message);
    } else if (t instanceof ProtocolException) {
      e = new ProtocolException("WebSocket session with " + url + " failed: " + message);
    } else if (t instanceof EOFException) {
      e =
          new EOFException(
              "the connection to "
                  + url
                  + " ended without a WebSocket close frame (abnormal closure, 1006)");
    } else if (t instanceof IOException) {
      e = new IOException("WebSocket session with " + url + " failed: " + message);
    } else {
      e = new IOException("WebSocket session with " + url + " failed: " + t);
    }
    e.initCause(t);
    return e;
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
     * The OkHttp client to build on (its dispatcher, DNS, proxy...); this builder's time-outs
     * replace its own. Note that OkHttp's dispatcher limits concurrent sessions per host (5 by
     * default): the client this builder makes by default lifts that limit, runs OkHttp's threads as
     * daemon platform threads (one per open session; pass a client whose dispatcher runs on virtual
     * threads for thousands of sessions), and gives OkHttp no TLS context (it speaks {@code ws://}
     * only, and making one costs about 0.6 s at start-up).
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
      // Platform threads, not virtual ones: a virtual thread's socket I/O starts the JDK's
      // poller, a thread that waits in native code for ever, and System.exit then waits 300 ms
      // for it (measured: part5 spent a third of its run there). One thread per open session;
      // a cached pool ends idle threads after a minute.
      Dispatcher dispatcher =
          new Dispatcher(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory()));
      dispatcher.setMaxRequests(Integer.MAX_VALUE);
      dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
      return new OkHttpClient.Builder()
          .dispatcher(dispatcher)
          .sslSocketFactory(PlainOnly.SOCKETS, PlainOnly.TRUST) // ws:// only: no TLS set-up
          .build();
    }
  }
}
