package lab3.reset;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lab3.transport.Addresses;
import lab3.transport.Endpoint;
import lab3.transport.Family;
import lab3.transport.Resolver;
import lab3.transport.internal.Timeouts;

/**
 * The PDC of the lab's Part 3: sends {@code RESET:n} over UDP until an {@code OFFSET=X} comes back.
 *
 * <pre>{@code
 * ResetResult r = ResetClient.builder().build().reset(new Endpoint("tcpip.epfl.ch", 5004));
 * int offset = r.offset(); // what the PMU chose
 * }</pre>
 *
 * <p>The server listens on IPv4 or on IPv6 and the client cannot tell which, nor whether a silent
 * round was a loss or the wrong family. So every round goes out on an IPv4 socket and on an IPv6
 * socket at once, to every address of the name, and a thread per socket waits for the answer: with
 * no loss the ack arrives after one round trip, whichever family carries it. After the time-out (1
 * s, as the lab asks) without a valid ack, the next round goes out, from new sockets: since the
 * server answers to the port a request came from, the socket an ack arrives on says which round it
 * answers ({@link ResetResult#answeredRound}), and so its true round trip, even when the network is
 * slower than the time-out and an ack to round 1 arrives after round 2 went out. The sockets of the
 * last 10 rounds keep listening.
 *
 * <p>Only an ack from an address and port a request went to, well formed, with 0 &lt;= X &lt;= n,
 * ends the exchange. Anything else (garbage, an offset out of range, a datagram from another port,
 * an ICMP port unreachable, a family with no route) is reported to the {@linkplain Builder#log log}
 * and otherwise ignored. Instances are immutable; each {@link #reset} uses sockets of its own.
 *
 * <p>The pitfall: the sockets are not connected, since one socket talks to every address of its
 * family. An unconnected socket on Linux never hears of the ICMP port unreachable that a family
 * without a server answers with, so that family simply stays silent; where a system does report it,
 * the client logs it and keeps waiting on the other family.
 */
public final class ResetClient {
  /**
   * How many of the latest rounds keep listening for a late ack: with the lab's 1 s time-out, an
   * ack that comes more than 10 s after its round is not heard (its round's sockets are closed).
   */
  static final int LISTENING_ROUNDS = 10;

  private final Resolver resolver;
  private final Datagrams datagrams;
  private final Duration timeout;
  private final int maxRounds;
  private final Duration maxTime;
  private final ResetRequest request;
  private final Consumer<String> log;

  private ResetClient(Builder builder) {
    this.resolver = builder.resolver;
    this.datagrams = builder.datagrams;
    this.timeout = builder.timeout;
    this.maxRounds = builder.maxRounds;
    this.maxTime = builder.maxTime;
    this.request = new ResetRequest(builder.n);
    this.log = builder.log;
  }

  /**
   * A builder with the defaults: {@code RESET:20}, 1 s per round, no limit on rounds.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The command every round sends.
   *
   * @return the command every round sends
   */
  public ResetRequest request() {
    return request;
  }

  /**
   * Resolves {@code server}'s name to all its addresses and sends rounds until a valid ack.
   *
   * @throws UnknownHostException if the name does not resolve
   * @throws ResetTimeoutException if a limit of rounds or time was reached first
   * @throws IOException if no socket could be opened, or the first round could not be sent to any
   *     address (no route on every family: nothing could ever answer)
   * @param server the reset server's name or address, and port
   * @return the reset result
   */
  public ResetResult reset(Endpoint server) throws IOException {
    List<InetAddress> addresses = resolver.resolve(server.host());
    if (addresses.isEmpty()) {
      throw new UnknownHostException(server.host());
    }
    Map<StandardProtocolFamily, Set<InetSocketAddress>> targets =
        new EnumMap<>(StandardProtocolFamily.class);
    for (InetAddress address : addresses) {
      targets
          .computeIfAbsent(Datagrams.familyOf(address), f -> new LinkedHashSet<>())
          .add(new InetSocketAddress(address, server.port()));
    }
    try (Exchange exchange = new Exchange(targets)) {
      return exchange.run();
    }
  }

  private static InetSocketAddress wildcard(StandardProtocolFamily family) {
    try {
      String any = family == StandardProtocolFamily.INET ? "0.0.0.0" : "::";
      return new InetSocketAddress(InetAddress.getByName(any), 0);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A datagram the socket of one round received, stamped when it arrived. */
  private record Arrival(
      int round, StandardProtocolFamily family, Datagrams.Received datagram, long nanos) {}

  /** One round's sockets (one per family, on ports of their own) and their receiver threads. */
  private static final class Round {
    final int number;
    final Map<StandardProtocolFamily, Datagrams.UdpSocket> sockets =
        new EnumMap<>(StandardProtocolFamily.class);
    final List<Thread> receivers = new ArrayList<>();
    volatile boolean closed;

    Round(int number) {
      this.number = number;
    }

    void close() throws IOException {
      closed = true;
      for (Datagrams.UdpSocket socket : sockets.values()) {
        socket.close();
      }
      try {
        for (Thread receiver : receivers) {
          receiver.join();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * One call of {@link #reset}: the rounds, each with sockets of its own so that an ack says which
   * round it answers (the server answers to the port a request came from).
   */
  private final class Exchange implements AutoCloseable {
    private final Map<StandardProtocolFamily, Set<InetSocketAddress>> targets;
    private final Deque<Round> listening = new ArrayDeque<>();
    private final List<Long> sentAt = new ArrayList<>();
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final byte[] payload = request.encode();

    Exchange(Map<StandardProtocolFamily, Set<InetSocketAddress>> targets) {
      this.targets = targets;
    }

    ResetResult run() throws IOException {
      long start = System.nanoTime();
      boolean timed = !maxTime.isZero();
      long giveUp = start + maxTime.toNanos();
      int rounds = 0;
      while (true) {
        long now = System.nanoTime();
        if ((maxRounds > 0 && rounds >= maxRounds) || (timed && now - giveUp >= 0)) {
          throw new ResetTimeoutException(rounds, Duration.ofNanos(now - start));
        }
        rounds++;
        Round round = open(rounds);
        long sent = System.nanoTime();
        sentAt.add(sent);
        sendRound(round);
        long roundEnd = sent + timeout.toNanos();
        if (timed && roundEnd - giveUp > 0) {
          roundEnd = giveUp;
        }
        Arrival ack = awaitAck(roundEnd);
        if (ack != null) {
          int x = OffsetAck.decode(ack.datagram().data(), request.n()).offset();
          return new ResetResult(
              x,
              Family.of(ack.family()),
              ack.datagram().from(),
              rounds,
              ack.round(),
              Duration.ofNanos(ack.nanos() - start),
              Duration.ofNanos(ack.nanos() - sentAt.get(ack.round() - 1)),
              Instant.now());
        }
      }
    }

    /**
     * Opens round {@code number}'s sockets, one per family the name has addresses in, each with its
     * receiver; closes the oldest round when more than {@link #LISTENING_ROUNDS} listen.
     */
    private Round open(int number) throws IOException {
      Round round = new Round(number);
      listening.add(round);
      IOException first = null;
      for (StandardProtocolFamily family : targets.keySet()) {
        try {
          Datagrams.UdpSocket socket = datagrams.open(wildcard(family));
          round.sockets.put(family, socket);
          // Platform threads, not virtual ones: a virtual thread waiting for a datagram starts the
          // JDK's I/O poller, a thread that stays in a native call (epoll_wait), and at System.exit
          // HotSpot waits up to 300 ms for such threads: part3 took 0.3 s longer to exit.
          round.receivers.add(
              Thread.ofPlatform()
                  .daemon(true)
                  .name("reset-receiver-" + number + "-" + family)
                  .start(() -> receiveLoop(round, family, socket)));
        } catch (IOException e) {
          log.accept(
              "round "
                  + number
                  + ": cannot open an "
                  + Family.of(family).displayName()
                  + " socket: "
                  + describe(e));
          first = first == null ? e : first;
        }
      }
      if (round.sockets.isEmpty() && number == 1) {
        throw first;
      }
      if (listening.size() > LISTENING_ROUNDS) {
        listening.poll().close();
      }
      return round;
    }

    private void receiveLoop(
        Round round, StandardProtocolFamily family, Datagrams.UdpSocket socket) {
      while (!round.closed) {
        try {
          Datagrams.Received datagram = socket.receive(Duration.ZERO);
          arrivals.add(new Arrival(round.number, family, datagram, System.nanoTime()));
        } catch (PortUnreachableException e) {
          log.accept(
              Family.of(family).displayName()
                  + ": port unreachable, no server on this family? ("
                  + describe(e)
                  + ")");
        } catch (IOException | RuntimeException e) {
          if (!round.closed) {
            log.accept(Family.of(family).displayName() + ": receiving failed: " + describe(e));
          }
          return;
        }
      }
    }

    /**
     * Sends the request on every socket of {@code round} to every address of its family. A failure
     * on one family (no route, network unreachable) is logged; only a first round that reached no
     * address at all is fatal.
     */
    private void sendRound(Round round) throws IOException {
      int sent = 0;
      IOException first = null;
      for (Map.Entry<StandardProtocolFamily, Datagrams.UdpSocket> entry :
          round.sockets.entrySet()) {
        for (InetSocketAddress to : targets.get(entry.getKey())) {
          try {
            entry.getValue().send(payload, to);
            sent++;
          } catch (IOException e) {
            log.accept(
                "round "
                    + round.number
                    + ": sending to "
                    + Addresses.format(to)
                    + " failed: "
                    + describe(e));
            first = first == null ? e : first;
          }
        }
      }
      if (sent == 0 && round.number == 1 && first != null) {
        throw first;
      }
    }

    /**
     * The first valid ack among what arrives until {@code deadline} (and what had arrived already,
     * even past it), or null. Everything else is logged and dropped.
     */
    private Arrival awaitAck(long deadline) throws InterruptedIOException {
      while (true) {
        Arrival arrival;
        long wait = deadline - System.nanoTime();
        try {
          arrival = wait > 0 ? arrivals.poll(wait, TimeUnit.NANOSECONDS) : arrivals.poll();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for an ack");
        }
        if (arrival == null) {
          return null;
        }
        String problem = check(arrival);
        if (problem == null) {
          return arrival;
        }
        log.accept(
            "ignored a datagram on "
                + Family.of(arrival.family()).displayName()
                + " from "
                + Addresses.format(arrival.datagram().from())
                + ": "
                + problem);
      }
    }

    /** Why {@code arrival} is not a valid ack, or null if it is one. */
    private String check(Arrival arrival) {
      if (!targets.get(arrival.family()).contains(arrival.datagram().from())) {
        return "not an address and port the request went to";
      }
      try {
        OffsetAck.decode(arrival.datagram().data(), request.n());
        return null;
      } catch (ProtocolException e) {
        return e.getMessage();
      }
    }

    @Override
    public void close() throws IOException {
      for (Round round : listening) {
        round.close();
      }
    }
  }

  /** Configures a {@link ResetClient}; every setter validates its argument at once. */
  public static final class Builder {
    private Resolver resolver = Resolver.SYSTEM;
    private Datagrams datagrams = Datagrams.SYSTEM;
    private Duration timeout = Duration.ofSeconds(1);
    private int maxRounds;
    private Duration maxTime = Duration.ZERO;
    private int n = ResetRequest.DEFAULT_N;
    private Consumer<String> log = line -> {};

    private Builder() {}

    /**
     * Turns the server's name into its addresses; the system's resolver by default.
     *
     * @param resolver turns host names into addresses; the system's by default
     * @return this builder
     */
    public Builder resolver(Resolver resolver) {
      this.resolver = checkNotNull(resolver, "resolver");
      return this;
    }

    /**
     * Opens the sockets; real UDP by default, a fake in unit tests.
     *
     * @param datagrams opens the UDP sockets; real ones by default, a fake in tests
     * @return this builder
     */
    public Builder datagrams(Datagrams datagrams) {
      this.datagrams = checkNotNull(datagrams, "datagrams");
      return this;
    }

    /**
     * How long to wait for an ack before the next round; 1 s by default, as the lab asks.
     *
     * @param timeout how long to wait for an ack before the next round; positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      Timeouts.check("time-out", timeout);
      checkArgument(!timeout.isZero(), "time-out must be positive");
      this.timeout = timeout;
      return this;
    }

    /**
     * Gives up after this many unanswered rounds; 0 (the default) never gives up.
     *
     * @param rounds the most rounds to send before giving up, at least 1
     * @return this builder
     */
    public Builder maxRounds(int rounds) {
      checkArgument(rounds >= 0, "max rounds must be 0 (no limit) or more, got %s", rounds);
      this.maxRounds = rounds;
      return this;
    }

    /**
     * Gives up after this long without an ack; zero (the default) never gives up.
     *
     * @param time the longest the whole reset may take
     * @return this builder
     */
    public Builder maxTime(Duration time) {
      this.maxTime = Timeouts.check("max time", time);
      return this;
    }

    /**
     * The n of {@code RESET:n}; 20 by default.
     *
     * @param n the n of {@code RESET:n}
     * @return this builder
     */
    public Builder n(int n) {
      this.n = new ResetRequest(n).n();
      return this;
    }

    /**
     * Receives one line per datagram ignored and per socket failure survived; none by default.
     *
     * @param log receives one line per datagram sent or received
     * @return this builder
     */
    public Builder log(Consumer<String> log) {
      this.log = checkNotNull(log, "log");
      return this;
    }

    /**
     * A client with these settings.
     *
     * @return the new reset client
     */
    public ResetClient build() {
      return new ResetClient(this);
    }
  }
}
