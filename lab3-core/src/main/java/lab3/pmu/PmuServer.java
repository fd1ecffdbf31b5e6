package lab3.pmu;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ServerSocketFactory;
import lab3.pmu.internal.PmuResponder;
import lab3.pmu.internal.PmuServerSettings;
import lab3.pmu.internal.PmuSession;
import lab3.tls.internal.TlsPem;
import lab3.tls.internal.TlsServerSockets;
import lab3.transport.ConnectionHandler;
import lab3.transport.internal.ChannelServerSockets;
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
    this.settings = builder.settings().copy(); // the builder may go on changing
    this.socketFactory = builder.socketFactory;
    this.session =
        new PmuSession(PmuResponder.of(settings), settings.commandTimeout(), settings.log());
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

  /**
   * Configures a {@link PmuServer}: the settings every PMU emulator has ({@link PmuServerBuilder}),
   * and the sockets it listens with (plain TCP, or TLS for Part 6). Every setter validates its
   * argument at once.
   */
  public static final class Builder extends PmuServerBuilder<Builder> {
    private ServerSocketFactory socketFactory = ChannelServerSockets.factory();

    private Builder() {
      super(5003, "pmu");
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
      name("tls-pmu");
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
