package lab3.pmu;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import javax.net.ServerSocketFactory;
import lab3.pmu.internal.PmuServerSettings;
import lab3.pmu.internal.PmuSession;
import lab3.tls.internal.TlsPem;
import lab3.tls.internal.TlsServerSockets;
import lab3.transport.ConnectionHandler;
import lab3.transport.internal.SocketConnection;
import lab3.transport.internal.SocketServer;

/**
 * An emulator of the lab's PMU server (Part 2): answers {@code CMD_short:d} with n messages {@code
 * This is PMU data i}, one write each, d seconds apart, and {@code CMD_floodme} with one large text
 * in a single write; then closes. An unknown, malformed or overlong command, or a client silent
 * past the command time-out, gets one {@code ERROR ...} line and a close.
 *
 * <pre>{@code
 * try (PmuServer pmu = PmuServer.builder().port(0).messages(5, 30).build().start()) {
 *   int port = pmu.port();
 *   ...
 * }
 * }</pre>
 *
 * <p>It listens on {@code [::]} by default, which on a dual-stack host accepts IPv6 and IPv4
 * clients alike; each connection is served on a virtual thread of its own, so thousands of
 * concurrent sessions cost little. {@link #handler()} exposes the session logic itself, to run it
 * over {@link lab3.transport.InMemoryTransport} without a socket.
 */
public final class PmuServer implements Closeable {
  private final PmuServerSettings settings;
  private final ServerSocketFactory socketFactory;
  private final PmuSession session;
  private SocketServer server;

  private PmuServer(Builder builder) {
    this.settings = builder.settings.copy(); // the builder may go on changing
    this.socketFactory = builder.socketFactory;
    this.session =
        new PmuSession(
            settings.messageCount(),
            settings.floodText(),
            settings.commandTimeout(),
            settings.log(),
            settings.firstMessage());
  }

  /**
   * A builder with the lab's defaults: port 5003 on {@code [::]}, 20 messages, the built-in floodme
   * text.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds and starts accepting.
   *
   * @throws BindException naming the address and port, if it is taken
   * @return this pmu server, listening
   */
  public synchronized PmuServer start() throws IOException {
    checkState(server == null, "already started");
    ServerSocket socket = socketFactory.createServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 4096);
    } catch (IOException e) {
      socket.close();
      throw settings.bindFailure(e);
    }
    server =
        SocketServer.start(
            settings.name(),
            socket,
            // Nagle's algorithm stays on, as on the lab's server (a plain Python socket): while a
            // segment is unacknowledged, TCP holds back small writes and sends them together, so
            // CMD_short:0 over a link with delay arrives in a few segments, not one per message
            // (the lab's Q9/Q10). TCP_NODELAY would send every write at once.
            s -> session.handle(new SocketConnection(s)),
            settings.log(),
            settings.commandTimeout());
    return this;
  }

  /**
   * The session logic, for running the PMU over any transport.
   *
   * @return the session logic, for running the PMU over any transport
   */
  public ConnectionHandler handler() {
    return session;
  }

  /**
   * The port it listens on (the chosen one, when built with port 0).
   *
   * @return the port it listens on (the chosen one, when built with port 0)
   */
  public int port() {
    return address().getPort();
  }

  /**
   * The address and port it listens on.
   *
   * @return the address and port it listens on
   */
  public InetSocketAddress address() {
    checkState(server != null, "not started");
    return (InetSocketAddress) server.serverSocket().getLocalSocketAddress();
  }

  /**
   * Sessions being served right now.
   *
   * @return sessions being served right now
   */
  public int activeSessions() {
    return server == null ? 0 : server.activeSessions();
  }

  /** Stops accepting and closes every open session. */
  @Override
  public synchronized void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /** Configures a {@link PmuServer}; every setter validates its argument at once. */
  public static final class Builder {
    private final PmuServerSettings settings = new PmuServerSettings(5003, "pmu");
    private ServerSocketFactory socketFactory = ServerSocketFactory.getDefault();

    private Builder() {}

    /**
     * The local address to listen on; {@code ::} (every address, IPv6 and IPv4) by default.
     *
     * @param address the local address to listen on
     * @return this builder
     */
    public Builder bindAddress(InetAddress address) {
      settings.bindAddress(address);
      return this;
    }

    /**
     * 0 picks a free port (see {@link #port()}); 5003 by default, as in the lab.
     *
     * @param port 0 to 65535 (0: a free port the system picks)
     * @return this builder
     */
    public Builder port(int port) {
      settings.port(port);
      return this;
    }

    /**
     * Sockets to listen with: plain TCP by default; a TLS factory makes a TLS PMU (Part 6).
     *
     * @param factory makes the listening socket
     * @return this builder
     */
    public Builder socketFactory(ServerSocketFactory factory) {
      this.socketFactory = checkNotNull(factory, "factory");
      return this;
    }

    /**
     * Serves TLS (the PMU of Part 6): the same protocol, byte for byte, over TLS 1.3 or 1.2 with
     * one-way authentication, presenting the certificate (chain) and private key of two PEM files
     * as openssl or {@code ./lab3 pki} writes them. Names the server's threads "tls-pmu".
     *
     * <p>The server refuses SSLv3 to TLS 1.1 and non-forward-secret suites during the handshake,
     * which runs on the session's own virtual thread (a failed handshake is one log line); a TLS
     * 1.2 client's renegotiation gets a fatal alert (building sets the JDK's {@code
     * jdk.tls.rejectClientInitiatedRenegotiation}, read once per JVM at its first server
     * handshake). A PKCS#1 or SEC1 key needs BouncyCastle ({@code
     * org.bouncycastle:bcpkix-jdk18on}); PKCS#8 keys and certificates are read by the JDK.
     *
     * @param certificateChain PEM file of the server's certificate, then its issuers
     * @param privateKey PEM file of the server's private key
     * @return this builder
     * @throws lab3.pki.PemFormatException if a file is not what it should be
     * @throws IllegalArgumentException if the key does not belong to the certificate
     * @throws IOException if a file cannot be read
     */
    public Builder tls(Path certificateChain, Path privateKey) throws IOException {
      return tls(TlsPem.readCertificates(certificateChain), TlsPem.readPrivateKey(privateKey));
    }

    /**
     * As {@link #tls(Path, Path)}, with the certificates and key in memory.
     *
     * @param chain the server's certificate first, then its issuers
     * @param key the server's private key
     * @return this builder
     * @throws IllegalArgumentException if the key does not belong to the certificate
     */
    public Builder tls(List<X509Certificate> chain, PrivateKey key) {
      this.socketFactory = TlsServerSockets.factory(chain, key);
      settings.name("tls-pmu");
      return this;
    }

    /**
     * Every session sends exactly {@code n} messages (20 by default).
     *
     * @param n how many messages, at least 1
     * @return this builder
     */
    public Builder messages(int n) {
      return messages(n, n);
    }

    /**
     * Every session sends a number of messages drawn uniformly from [min, max].
     *
     * @param min the fewest messages, at least 1
     * @param max the most messages, at least {@code min}
     * @return this builder
     */
    public Builder messages(int min, int max) {
      settings.messages(min, max);
      return this;
    }

    /**
     * The number of the first message: 1 by default, as the lab text says; 0 as the course's server
     * numbered them in 2020-2021 ({@code This is PMU data 0}, ..., see the course profile of {@code
     * lab3.apps.grade.Profile}).
     *
     * @param first 0 or 1
     * @return this builder
     */
    public Builder firstMessage(int first) {
      settings.firstMessage(first);
      return this;
    }

    /**
     * The floodme text; the built-in one by default.
     *
     * @param text the text {@code CMD_floodme} gets
     * @return this builder
     */
    public Builder floodText(FloodText text) {
      settings.floodText(text);
      return this;
    }

    /**
     * How long a client may take to send its command; 10 s by default.
     *
     * @param timeout how long a client may take to send its command; positive
     * @return this builder
     */
    public Builder commandTimeout(Duration timeout) {
      settings.commandTimeout(timeout);
      return this;
    }

    /**
     * The random source for message counts; seed it for repeatable tests.
     *
     * @param random the source of random draws; seed it for repeatable tests
     * @return this builder
     */
    public Builder random(Random random) {
      settings.random(random);
      return this;
    }

    /**
     * Receives one line per session and per failure; nothing by default.
     *
     * @param log receives one line per session and per failure
     * @return this builder
     */
    public Builder log(Consumer<String> log) {
      settings.log(log);
      return this;
    }

    /**
     * Names the server's threads.
     *
     * @param name the name of the server's threads
     * @return this builder
     */
    public Builder name(String name) {
      settings.name(name);
      return this;
    }

    /**
     * A server, not yet listening: call {@link PmuServer#start()}.
     *
     * @return the new pmu server
     */
    public PmuServer build() {
      return new PmuServer(this);
    }
  }
}
