package lab3.transport;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import lab3.transport.internal.HappyEyeballs;
import lab3.transport.internal.SocketConnection;
import lab3.transport.internal.Timeouts;

/**
 * Plain TCP over blocking {@link Socket}s.
 *
 * <p>{@link #open} resolves the host, keeps the addresses its {@link Family} allows, and connects
 * the way a modern client does (RFC 8305, "Happy Eyeballs"): IPv6 and IPv4 addresses alternate,
 * IPv6 first; each address gets a head start of {@link Builder#attemptDelay} (250 ms) before the
 * next is tried beside it, and the first to connect wins. A name whose IPv6 address silently drops
 * packets is thus reached over IPv4 a quarter of a second later, not after the connect time-out.
 * The socket is the JDK's IPv6 socket whatever the address (an IPv4 peer is reached through its
 * IPv4-mapped address {@code ::ffff:a.b.c.d}), as the lab asks. {@link Builder#onAttempt} hears
 * every attempt (for {@code -v}).
 *
 * <p>Defaults: {@link Family#ANY}, the system resolver, 10 s to connect in all, 250 ms of attempt
 * delay and a 60 s read time-out (a server silent for a minute is treated as broken; a client that
 * expects longer pauses raises it per connection).
 *
 * <pre>{@code
 * Transport tcp = TcpTransport.builder().family(Family.IPV6).build();
 * }</pre>
 */
public final class TcpTransport implements Transport {
  /** RFC 8305's recommended connection attempt delay. */
  private static final Duration DEFAULT_ATTEMPT_DELAY = Duration.ofMillis(250);

  private final Family family;
  private final Resolver resolver;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration attemptDelay;
  private final Consumer<ConnectAttempt> onAttempt;

  private TcpTransport(Builder builder) {
    this.family = builder.family;
    this.resolver = builder.resolver;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.attemptDelay = builder.attemptDelay;
    this.onAttempt = builder.onAttempt;
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
   * A builder with the defaults: {@link Family#ANY}, the system resolver, 10 s to connect, 250 ms
   * of attempt delay, 60 s per read.
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
   * @param endpoint the host name or address literal, and the port
   * @return the connected plain socket {@link #open} wraps, with the same resolution, address order
   *     and time-outs: the seam for transports that layer a protocol over TCP, such as TLS
   * @throws IOException if the I/O fails
   */
  public Socket connect(Endpoint endpoint) throws IOException {
    List<InetAddress> candidates = family.select(resolver.resolve(endpoint.host()));
    if (candidates.isEmpty()) {
      throw new UnknownHostException(endpoint.host() + " has no " + describe(family) + " address");
    }
    Socket socket =
        HappyEyeballs.connect(endpoint, candidates, connectTimeout, attemptDelay, onAttempt);
    try {
      socket.setSoTimeout(Timeouts.millis(readTimeout));
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return socket;
  }

  private static String describe(Family family) {
    return switch (family) {
      case IPV4 -> "IPv4";
      case IPV6 -> "IPv6";
      case ANY -> "IP";
    };
  }

  /** Configures a {@link TcpTransport}; every setter validates its argument at once. */
  public static final class Builder {
    private Family family = Family.ANY;
    private Resolver resolver = Resolver.SYSTEM;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration attemptDelay = DEFAULT_ATTEMPT_DELAY;
    private Consumer<ConnectAttempt> onAttempt = attempt -> {};

    private Builder() {}

    /**
     * Which addresses of a name to try, and in which order; {@link Family#ANY} by default.
     *
     * @param family {@link lab3.transport.Family#IPV4}, {@link lab3.transport.Family#IPV6} or
     *     {@link lab3.transport.Family#ANY}
     * @return this builder
     */
    public Builder family(Family family) {
      this.family = checkNotNull(family, "family");
      return this;
    }

    /**
     * How host names become addresses; {@link Resolver#SYSTEM} by default (tests inject one).
     *
     * @param resolver turns host names into addresses; the system's by default
     * @return this builder
     */
    public Builder resolver(Resolver resolver) {
      this.resolver = checkNotNull(resolver, "resolver");
      return this;
    }

    /**
     * How long connecting may take in all, every address of the name included (not per address): 10
     * s by default. Zero waits as long as the operating system does (on Linux about two minutes per
     * address, while it resends its SYN).
     *
     * @param timeout how long connecting to one address may take; zero waits forever
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Timeouts.check("connect time-out", timeout);
      return this;
    }

    /**
     * The read time-out a connection starts with; 60 s by default, zero blocks forever. A client
     * that knows how long its peer may stay silent sets its own on each connection with {@link
     * Connection#setReadTimeout}, and that one wins: {@link lab3.pmu.PmuClient} does, from its
     * {@link lab3.pmu.PmuClient.Builder#readTimeout} (plus the pause its command asks for). This
     * setting matters only to code that reads a {@link Connection} itself.
     *
     * @param timeout how long a read may block; zero blocks forever
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Timeouts.check("read time-out", timeout);
      return this;
    }

    /**
     * RFC 8305's "Connection Attempt Delay": how long an attempt to one address has alone before
     * the next address is tried beside it (the first keeps going; the first to connect wins). 250
     * ms by default, as the RFC recommends: a working path answers well within it, and a broken one
     * (packets silently dropped, as on a network whose IPv6 is half set up) costs this much instead
     * of the whole connect time-out. An address that fails outright (refused, no route) makes the
     * next one start at once.
     *
     * @param delay at least 10 ms and at most 2 s, the RFC's bounds
     * @return this builder
     * @throws IllegalArgumentException if {@code delay} is out of those bounds
     */
    public Builder attemptDelay(Duration delay) {
      checkArgument(
          delay != null
              && delay.compareTo(Duration.ofMillis(10)) >= 0
              && delay.compareTo(Duration.ofSeconds(2)) <= 0,
          "attempt delay must be between 10 ms and 2 s (RFC 8305): %s",
          delay);
      this.attemptDelay = delay;
      return this;
    }

    /**
     * Told every connection attempt's start and end, on the thread that calls {@link
     * TcpTransport#open}: for {@code -v} output ({@link ConnectAttempt#describe}) and tests.
     * Nothing by default.
     *
     * @param listener the listener; it must not throw
     * @return this builder
     */
    public Builder onAttempt(Consumer<ConnectAttempt> listener) {
      this.onAttempt = checkNotNull(listener, "listener");
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
