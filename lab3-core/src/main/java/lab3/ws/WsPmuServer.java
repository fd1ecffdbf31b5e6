package lab3.ws;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.base.Suppliers;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import lab3.pmu.FloodText;
import lab3.pmu.internal.PmuServerSettings;
import lab3.ws.internal.NotAnUpgradeHandler;
import lab3.ws.internal.WsFrames;
import lab3.ws.internal.WsPmuSession;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * An emulator of the lab's WebSocket PMU (Part 5), on Jetty 12's WebSocket server: the client's
 * first message is the command; {@code CMD_short:d} gets n messages {@code This is PMU data i}, one
 * WebSocket message each, d seconds apart; {@code CMD_floodme} gets the whole text as one message;
 * then the server closes with 1000 (normal). A bad command, or none within the command time-out,
 * gets a close with 1008 (policy violation) and the reason. A plain HTTP request that is not a
 * WebSocket upgrade gets {@code 426 Upgrade Required} and a one-line explanation.
 *
 * <pre>{@code
 * try (WsPmuServer pmu = WsPmuServer.builder().port(0).messages(5).build().start()) {
 *   // ws://[::1]:pmu.port()/
 * }
 * }</pre>
 *
 * <p>Messages go out in binary frames by default, like the lab's server; {@link Builder#textFrames}
 * switches to text frames. {@link Builder#frameBytes} cuts every longer message into several frames
 * (one message still): a client must reassemble them, and a good WebSocket library does it for you.
 * Any path is served. Jetty runs every task on a virtual thread, and each session's answer is sent
 * by a virtual thread of its own.
 */
public final class WsPmuServer implements Closeable {
  private final PmuServerSettings settings;
  private final WsFrames frames;
  private final IntSupplier messageCount;
  private final AtomicInteger active = new AtomicInteger();

  /** The floodme text in a direct buffer, made at the first floodme and shared by every session. */
  private final Supplier<ByteBuffer> floodBuffer;

  private Server server;
  private ServerConnector connector;

  private WsPmuServer(Builder builder) {
    this.settings = builder.settings;
    this.frames = new WsFrames(builder.textFrames, builder.frameBytes);
    this.messageCount = settings.messageCount();
    FloodText flood = settings.floodText();
    this.floodBuffer =
        Suppliers.memoize(
            () ->
                ByteBuffer.allocateDirect(flood.bytes().length)
                    .put(flood.bytes())
                    .flip()
                    .asReadOnlyBuffer());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds and starts serving.
   *
   * @throws BindException naming the address and port, if it is taken
   */
  public synchronized WsPmuServer start() throws IOException {
    checkState(server == null, "already started");
    VirtualThreadPool threads = new VirtualThreadPool();
    threads.setName(settings.name());
    Server jetty = new Server(threads);
    ServerConnector listener = new ServerConnector(jetty);
    listener.setHost(settings.bindAddress().getHostAddress());
    listener.setPort(settings.port());
    listener.setReuseAddress(true);
    // Jetty sets TCP_NODELAY on every connection by default; the lab's server (Python's
    // websockets) leaves Nagle's algorithm on, so frames share segments as they do there.
    listener.setAcceptedTcpNoDelay(false);
    // Before the upgrade, a connection is HTTP: one that never upgrades is dropped as soon as a
    // WebSocket client would be for not sending its command (Jetty's default is 30 s).
    listener.setIdleTimeout(settings.commandTimeout().toMillis());
    jetty.addConnector(listener);
    WebSocketUpgradeHandler upgrades =
        WebSocketUpgradeHandler.from(
            jetty,
            container -> {
              container.setMaxTextMessageSize(4096); // a command is a few bytes
              container.setMaxBinaryMessageSize(4096);
              container.addMapping(
                  "/*",
                  (request, response, callback) -> {
                    active.incrementAndGet();
                    return new WsPmuSession(
                        messageCount,
                        settings.floodText(),
                        floodBuffer,
                        frames,
                        settings.commandTimeout(),
                        settings.log(),
                        active::decrementAndGet);
                  });
            });
    upgrades.setHandler(new NotAnUpgradeHandler(settings.log()));
    jetty.setHandler(upgrades);
    try {
      jetty.start();
    } catch (Exception e) {
      try {
        jetty.stop();
      } catch (Exception ignored) {
        // it did not start
      }
      if (e instanceof IOException) {
        throw settings.bindFailure(e);
      }
      throw new IOException(
          "cannot start the WebSocket PMU on port " + settings.port() + ": " + e, e);
    }
    server = jetty;
    connector = listener;
    return this;
  }

  /** The port it listens on (the chosen one, when built with port 0). */
  public int port() {
    checkState(server != null, "not started");
    return connector.getLocalPort();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(settings.bindAddress(), port());
  }

  /** WebSocket sessions open right now. */
  public int activeSessions() {
    return active.get();
  }

  /** Stops accepting and closes every open session. */
  @Override
  public synchronized void close() throws IOException {
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        throw new IOException("stopping the WebSocket PMU: " + e.getMessage(), e);
      }
    }
  }

  /** Configures a {@link WsPmuServer}; every setter validates its argument at once. */
  public static final class Builder {
    private final PmuServerSettings settings = new PmuServerSettings(5006, "ws-pmu");
    private boolean textFrames;
    private int frameBytes;

    private Builder() {}

    /** The local address to listen on; {@code ::} (every address, IPv6 and IPv4) by default. */
    public Builder bindAddress(InetAddress address) {
      settings.bindAddress(address);
      return this;
    }

    /** 0 picks a free port (see {@link #port()}); 5006 by default, as in the lab. */
    public Builder port(int port) {
      settings.port(port);
      return this;
    }

    /** Every session sends exactly {@code n} messages (20 by default). */
    public Builder messages(int n) {
      return messages(n, n);
    }

    /** Every session sends a number of messages drawn uniformly from [min, max]. */
    public Builder messages(int min, int max) {
      settings.messages(min, max);
      return this;
    }

    /** The floodme text; the built-in one by default. */
    public Builder floodText(FloodText text) {
      settings.floodText(text);
      return this;
    }

    /** Text frames instead of binary ones (the lab's server sends binary). */
    public Builder textFrames(boolean text) {
      this.textFrames = text;
      return this;
    }

    /**
     * Cuts every message longer than {@code bytes} into frames of at most that many bytes (text
     * frames: never inside a character). 0, the default, sends each message as one frame.
     */
    public Builder frameBytes(int bytes) {
      checkArgument(bytes >= 0, "frame size must be 0 (whole messages) or positive, got %s", bytes);
      this.frameBytes = bytes;
      return this;
    }

    /**
     * How long a client may take to send its command, and how long it may stay silent beyond the d
     * of its command; 10 s by default.
     */
    public Builder commandTimeout(Duration timeout) {
      settings.commandTimeout(timeout);
      return this;
    }

    /** The random source for message counts; seed it for repeatable tests. */
    public Builder random(Random random) {
      settings.random(random);
      return this;
    }

    /** Receives one line per session and per failure; nothing by default. */
    public Builder log(Consumer<String> log) {
      settings.log(log);
      return this;
    }

    /** Names the server's threads. */
    public Builder name(String name) {
      settings.name(name);
      return this;
    }

    /** A server, not yet listening: call {@link WsPmuServer#start()}. */
    public WsPmuServer build() {
      return new WsPmuServer(this);
    }
  }
}
