package lab3.ws;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import lab3.internal.OptionalDependency;
import lab3.pmu.PmuServerBuilder;
import lab3.pmu.internal.PmuResponder;
import lab3.pmu.internal.PmuServerSettings;
import lab3.ws.internal.WsFrames;
import lab3.ws.internal.WsJetty;
import lab3.ws.internal.WsPmuSession;

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
  private final PmuResponder responder;
  private final AtomicInteger active = new AtomicInteger();

  private WsJetty server;

  private WsPmuServer(Builder builder) {
    this.settings = PmuServerSettings.of(builder).copy(); // the builder may go on changing
    this.frames = new WsFrames(builder.textFrames, builder.frameBytes);
    this.responder = PmuResponder.of(settings);
  }

  /**
   * A builder with every default.
   *
   * @return a new builder
   * @throws IllegalStateException if Jetty is not on the class path (or module path), naming the
   *     artifact to add
   */
  public static Builder builder() {
    OptionalDependency.JETTY.require("lab3.ws.WsPmuServer");
    return new Builder();
  }

  /**
   * Binds and starts serving.
   *
   * @throws BindException naming the address and port, if it is taken
   * @return this ws pmu server, listening
   */
  public synchronized WsPmuServer start() throws IOException {
    checkState(server == null, "already started");
    server = WsJetty.start(settings, listener());
    return this;
  }

  /** The session listener Jetty gets for each upgrade. */
  private Supplier<Object> listener() {
    return () -> {
      active.incrementAndGet();
      return new WsPmuSession(
          responder, frames, settings.commandTimeout(), settings.log(), active::decrementAndGet);
    };
  }

  /**
   * The port it listens on (the chosen one, when built with port 0).
   *
   * @return the port it listens on (the chosen one, when built with port 0)
   */
  public int port() {
    checkState(server != null, "not started");
    return server.port();
  }

  /**
   * The address and port it listens on.
   *
   * @return the address and port it listens on
   */
  public InetSocketAddress address() {
    return new InetSocketAddress(settings.bindAddress(), port());
  }

  /**
   * WebSocket sessions open right now.
   *
   * @return webSocket sessions open right now
   */
  public int activeSessions() {
    return active.get();
  }

  /**
   * Stops accepting and closes every open session: each client gets a close frame, 1001 (going
   * away), then its connection ends. A client that stopped reading is dropped after a second.
   */
  @Override
  public synchronized void close() throws IOException {
    if (server != null) {
      server.stop();
    }
  }

  /**
   * Configures a {@link WsPmuServer}: the settings every PMU emulator has ({@link
   * PmuServerBuilder}; port 5006 and threads named "ws-pmu" by default), and how messages are
   * framed. Every setter validates its argument at once.
   */
  public static final class Builder extends PmuServerBuilder<Builder> {
    private boolean textFrames;
    private int frameBytes;

    private Builder() {
      super(5006, "ws-pmu");
    }

    /**
     * Text frames instead of binary ones (the lab's server sends binary).
     *
     * @param text true for text frames, false for binary ones (the lab's server)
     * @return this builder
     */
    public Builder textFrames(boolean text) {
      this.textFrames = text;
      return this;
    }

    /**
     * Cuts every message longer than {@code bytes} into frames of at most that many bytes (text
     * frames: never inside a character). 0, the default, sends each message as one frame.
     *
     * @param bytes the largest frame payload, in bytes; a longer message is fragmented
     * @return this builder
     */
    public Builder frameBytes(int bytes) {
      checkArgument(bytes >= 0, "frame size must be 0 (whole messages) or positive, got %s", bytes);
      this.frameBytes = bytes;
      return this;
    }

    /**
     * A server, not yet listening: call {@link WsPmuServer#start()}.
     *
     * @return the new ws pmu server
     */
    public WsPmuServer build() {
      return new WsPmuServer(this);
    }
  }
}
