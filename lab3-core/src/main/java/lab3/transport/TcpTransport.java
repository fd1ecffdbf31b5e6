package lab3.transport;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import lab3.transport.internal.SocketConnection;
import lab3.transport.internal.Timeouts;

/**
 * Plain TCP over blocking {@link Socket}s.
 *
 * <p>{@link #open} resolves the host, keeps the addresses its {@link Family} allows (IPv6 first),
 * and tries them in turn until one accepts. Defaults: {@link Family#ANY}, the system resolver, a 10
 * s connect time-out and a 60 s read time-out (a server silent for a minute is treated as broken; a
 * client that expects longer pauses raises it per connection).
 *
 * <pre>{@code
 * Transport tcp = TcpTransport.builder().family(Family.IPV6_ONLY).build();
 * }</pre>
 */
public final class TcpTransport implements Transport {
  private final Family family;
  private final Resolver resolver;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  private TcpTransport(Builder builder) {
    this.family = builder.family;
    this.resolver = builder.resolver;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
  }

  /**
   * A transport with every default.
   *
   * @return a transport with every default
   */
  public static TcpTransport create() {
    return builder().build();
  }

  /**
   * A builder with the defaults: {@link Family#ANY}, the system resolver, 10 s to connect, 60 s per
   * read.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The IP versions this transport uses.
   *
   * @return the IP versions this transport uses
   */
  public Family family() {
    return family;
  }

  @Override
  public Connection open(Endpoint endpoint) throws IOException {
    return new SocketConnection(connect(endpoint));
  }

  /**
   * The connected plain socket {@link #open} wraps, with the same resolution, address order and
   * time-outs: the seam for transports that layer a protocol over TCP, such as TLS.
   *
   * @param endpoint the endpoint
   * @return the connected plain socket {@link #open} wraps, with the same resolution, address order
   *     and time-outs: the seam for transports that layer a protocol over TCP, such as TLS
   * @throws IOException if the I/O fails
   */
  public Socket connect(Endpoint endpoint) throws IOException {
    List<InetAddress> candidates = family.select(resolver.resolve(endpoint.host()));
    if (candidates.isEmpty()) {
      throw new UnknownHostException(endpoint.host() + " has no " + describe(family) + " address");
    }
    IOException last = null;
    for (InetAddress address : candidates) {
      Socket socket = new Socket();
      try {
        socket.setTcpNoDelay(true);
        socket.connect(
            new InetSocketAddress(address, endpoint.port()), Timeouts.millis(connectTimeout));
        socket.setSoTimeout(Timeouts.millis(readTimeout));
        return socket;
      } catch (IOException e) {
        socket.close();
        last = e;
      }
    }
    if (last instanceof SocketTimeoutException) {
      throw new SocketTimeoutException(
          "connecting to " + endpoint + " timed out after " + connectTimeout.toMillis() + " ms");
    }
    ConnectException failure =
        new ConnectException("cannot connect to " + endpoint + ": " + last.getMessage());
    failure.initCause(last);
    throw failure;
  }

  private static String describe(Family family) {
    return switch (family) {
      case IPV4_ONLY -> "IPv4";
      case IPV6_ONLY -> "IPv6";
      case ANY -> "IP";
    };
  }

  /** Configures a {@link TcpTransport}; every setter validates its argument at once. */
  public static final class Builder {
    private Family family = Family.ANY;
    private Resolver resolver = Resolver.SYSTEM;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Which addresses of a name to try, and in which order; {@link Family#ANY} by default.
     *
     * @param family the family
     * @return this builder
     */
    public Builder family(Family family) {
      this.family = checkNotNull(family, "family");
      return this;
    }

    /**
     * How host names become addresses; {@link Resolver#SYSTEM} by default (tests inject one).
     *
     * @param resolver the resolver
     * @return this builder
     */
    public Builder resolver(Resolver resolver) {
      this.resolver = checkNotNull(resolver, "resolver");
      return this;
    }

    /**
     * Zero waits as long as the operating system does.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Timeouts.check("connect time-out", timeout);
      return this;
    }

    /**
     * Zero blocks forever.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Timeouts.check("read time-out", timeout);
      return this;
    }

    /**
     * A transport with these settings.
     *
     * @return the new tcp transport
     */
    public TcpTransport build() {
      return new TcpTransport(this);
    }
  }
}
