package lab3.reset;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import lab3.reset.internal.ResetResponder;
import lab3.transport.Addresses;
import lab3.transport.Family;

/**
 * An emulator of the lab's PMU for Part 3: answers {@code RESET:n} over UDP with {@code OFFSET=X},
 * X drawn uniformly from [0, n], but drops each request with probability {@link Builder#loss}. A
 * malformed request gets no answer and the server keeps running. Built with {@link Builder#profile
 * profile(ResetProfile.COURSE)} it answers as the course's server did instead ({@code OFFSET:X},
 * {@code Wrong command.}; see {@link ResetProfile}).
 *
 * <pre>{@code
 * try (ResetServer pmu = ResetServer.builder().family(Family.IPV6).loopback(true)
 *     .port(0).loss(0.3).build().start()) {
 *   int port = pmu.port();
 *   ...
 * }
 * }</pre>
 *
 * <p>Like the lab's server it can listen on IPv4 only, on IPv6 only, on both, or {@linkplain
 * Builder#alternate alternate} between the two. Bound to loopback, an IPv4 server is a true IPv4
 * socket on 127.0.0.1 and an IPv6 server a socket on ::1. Bound to the wildcard, an IPv6 server is
 * a dual-stack socket on {@code ::} (Java cannot make it IPv6 only) that ignores requests from IPv4
 * clients, which looks the same from the client's side.
 *
 * <p>For tests, {@link Builder#bogusAcks} makes it also send acks a client must reject. One virtual
 * thread per socket receives and answers.
 */
public final class ResetServer implements Closeable {

  private static final int BIND_ATTEMPTS = 20;

  private final Family family;
  private final boolean alternate;
  private final boolean loopback;
  private final int requestedPort;
  private final Duration period;
  private final InstantSource clock;
  private final boolean bogusAcks;
  private final ResetProfile profile;
  private final Datagrams datagrams;
  private final ResetResponder responder;
  private final Consumer<String> log;
  private final List<Datagrams.UdpSocket> sockets = new ArrayList<>();
  private final List<Datagrams.UdpSocket> decoys = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong acks = new AtomicLong();

  /** How many of the last offsets {@link #offsetsSent()} keeps. */
  public static final int OFFSETS_KEPT = 1024;

  private volatile int lastOffset = -1;
  private final ArrayDeque<Integer> offsetsSent = new ArrayDeque<>();
  private volatile boolean closed;
  private boolean started;

  private ResetServer(Builder builder) {
    this.family = builder.family;
    this.alternate = builder.alternate;
    this.loopback = builder.loopback;
    this.requestedPort = builder.port;
    this.period = builder.period;
    this.clock = builder.clock;
    this.bogusAcks = builder.bogusAcks;
    this.profile = builder.profile;
    this.datagrams = builder.datagrams;
    this.responder = new ResetResponder(builder.loss, builder.random, builder.profile);
    this.log = builder.log;
  }

  /**
   * A builder with the lab's defaults: port 5004, both families, no loss.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds every socket its families need, all on one port, and starts answering.
   *
   * @throws BindException naming the address and port, if the port is taken
   * @return this reset server, listening
   */
  public synchronized ResetServer start() throws IOException {
    checkState(!started, "already started");
    started = true;
    List<InetAddress> addresses = bindAddresses();
    for (int attempt = 1; ; attempt++) {
      try {
        bindAll(addresses);
        break;
      } catch (BindException e) {
        closeSockets();
        if (requestedPort != 0 || addresses.size() == 1 || attempt == BIND_ATTEMPTS) {
          throw e;
        }
        // port 0: the port the first socket got was taken on another address; try another one
      }
    }
    for (Datagrams.UdpSocket socket : sockets) {
      threads.add(
          Thread.ofVirtual()
              .name("reset-server-" + socket.localAddress())
              .start(() -> serve(socket)));
    }
    return this;
  }

  private List<InetAddress> bindAddresses() throws UnknownHostException {
    String v4 = loopback ? "127.0.0.1" : "0.0.0.0";
    String v6 = loopback ? "::1" : "::";
    List<String> names =
        switch (family) {
          case IPV4 -> List.of(v4);
          case IPV6 -> List.of(v6);
          case ANY -> loopback ? List.of(v4, v6) : List.of(v6); // :: is dual stack
        };
    List<InetAddress> addresses = new ArrayList<>();
    for (String name : names) {
      addresses.add(InetAddress.getByName(name));
    }
    return addresses;
  }

  private void bindAll(List<InetAddress> addresses) throws IOException {
    int port = requestedPort;
    for (InetAddress address : addresses) {
      InetSocketAddress local = new InetSocketAddress(address, port);
      Datagrams.UdpSocket socket;
      try {
        socket = datagrams.open(local);
      } catch (BindException e) {
        BindException failure =
            new BindException("cannot listen on " + local + " (UDP): " + e.getMessage());
        failure.initCause(e);
        throw failure;
      }
      sockets.add(socket);
      port = socket.localAddress().getPort();
      if (bogusAcks) {
        decoys.add(datagrams.open(new InetSocketAddress(address, 0)));
      }
    }
  }

  private void serve(Datagrams.UdpSocket socket) {
    while (!closed) {
      Datagrams.Received request;
      try {
        request = socket.receive(Duration.ZERO);
      } catch (PortUnreachableException e) {
        log.accept("ICMP error about an earlier answer: " + e.getMessage()); // socket still fine
        continue;
      } catch (IOException e) {
        if (!closed) {
          log.accept("receive failed on " + socket.localAddress() + ": " + e.getMessage());
        }
        return;
      }
      try {
        answer(socket, request);
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          log.accept("answering " + request.from() + " failed: " + e.getMessage());
        }
      }
    }
  }

  private void answer(Datagrams.UdpSocket socket, Datagrams.Received request) throws IOException {
    requests.incrementAndGet();
    InetSocketAddress from = request.from();
    Family family = Family.of(Datagrams.familyOf(from.getAddress()));
    String what =
        "'"
            + Wire.shorten(new String(request.data(), StandardCharsets.ISO_8859_1))
            + "' from "
            + Addresses.format(from);
    if (!serves(family)) {
      log.accept(what + " -> ignored: not serving " + family.displayName() + " now");
      return;
    }
    ResetResponder.Outcome outcome = responder.respond(request.data());
    switch (outcome) {
      case ResetResponder.Malformed m -> log.accept(what + " -> no answer: " + m.reason());
      case ResetResponder.Ignored i -> log.accept(what + " -> dropped");
      case ResetResponder.WrongCommand w -> {
        socket.send(w.payload(), from);
        log.accept(what + " -> " + ResetProfile.WRONG_COMMAND + " (" + w.reason() + ")");
      }
      case ResetResponder.Dropped d -> {
        sendBogus(socket, from, d.request().n(), -1);
        log.accept(what + " -> dropped");
      }
      case ResetResponder.Answer a -> {
        sendBogus(socket, from, a.request().n(), a.ack().offset());
        acks.incrementAndGet();
        lastOffset = a.ack().offset(); // before the send: a client may look as soon as it has it
        synchronized (offsetsSent) {
          if (offsetsSent.size() == OFFSETS_KEPT) {
            offsetsSent.removeFirst();
          }
          offsetsSent.addLast(a.ack().offset());
        }
        byte[] payload = a.payload();
        socket.send(payload, from);
        log.accept(what + " -> " + new String(payload, StandardCharsets.US_ASCII));
      }
    }
  }

  /**
   * With {@link Builder#bogusAcks}: a well-formed ack with a wrong offset from another port, then
   * an out-of-range ack from the right one, both before the real answer, if any.
   */
  private void sendBogus(Datagrams.UdpSocket socket, InetSocketAddress to, int n, int real)
      throws IOException {
    if (!bogusAcks) {
      return;
    }
    int other = responder.otherOffset(n, real);
    byte[] decoy =
        other == real ? ("OFFSET=" + (n + 1)).getBytes(StandardCharsets.US_ASCII) : ack(other);
    decoys.get(sockets.indexOf(socket)).send(decoy, to);
    if ((long) n + 1 <= ResetRequest.MAX_N) {
      socket.send(ack(n + 1), to);
    }
  }

  private static byte[] ack(int x) {
    return new OffsetAck(x).encode();
  }

  /**
   * True if the server answers requests from clients of {@code family} at this moment.
   *
   * @param family {@link Family#IPV4} or {@link Family#IPV6}: a client's family
   * @return whether the server answers requests from clients of {@code family} at this moment
   */
  public boolean serves(Family family) {
    checkArgument(family != Family.ANY, "a client's family is IPV4 or IPV6");
    if (alternate) {
      return activeFamily() == family.protocolFamily();
    }
    return this.family == Family.ANY || this.family == family;
  }

  /** When alternating: the family served in the current period. */
  StandardProtocolFamily activeFamily() {
    long slot = clock.instant().toEpochMilli() / period.toMillis();
    return slot % 2 == 0 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
  }

  /**
   * How it answers: as the lab text says or as the course's server did.
   *
   * @return the profile it was built with ({@link ResetProfile#LAB_TEXT} by default)
   */
  public ResetProfile profile() {
    return profile;
  }

  /**
   * The families it listens on ({@link Family#ANY}: both).
   *
   * @return the families it listens on
   */
  public Family family() {
    return family;
  }

  /**
   * True if it serves one family at a time, switching every period (see {@link Builder#alternate}).
   *
   * @return whether it alternates between the two families
   */
  public boolean alternates() {
    return alternate;
  }

  /**
   * The port it listens on (the chosen one, when built with port 0).
   *
   * @return the port it listens on (the chosen one, when built with port 0)
   */
  public int port() {
    return addresses().getFirst().getPort();
  }

  /**
   * Every address and port it listens on.
   *
   * @return every address and port it listens on
   */
  public synchronized List<InetSocketAddress> addresses() {
    checkState(!sockets.isEmpty(), "not started");
    return sockets.stream().map(Datagrams.UdpSocket::localAddress).toList();
  }

  /**
   * Datagrams received so far, valid or not, answered or not.
   *
   * @return datagrams received so far, valid or not, answered or not
   */
  public long requests() {
    return requests.get();
  }

  /**
   * Acks sent so far (bogus ones not counted).
   *
   * @return acks sent so far (bogus ones not counted)
   */
  public long acks() {
    return acks.get();
  }

  /**
   * The X of the last ack sent, if any: what a client that reset last should have printed.
   *
   * @return the X of the last ack sent, if any: what a client that reset last should have printed
   */
  public OptionalInt lastOffset() {
    int x = lastOffset;
    return x < 0 ? OptionalInt.empty() : OptionalInt.of(x);
  }

  /**
   * The X of every ack sent (bogus ones not counted), oldest first; the last {@value #OFFSETS_KEPT}
   * are kept. Over a lossy link a client may print any of the offsets acked since it started: an
   * ack of an earlier try can arrive after the server answered a retransmission, and be the one the
   * client takes (the later ack lost). {@link #lastOffset()} is then not what it printed, while a
   * value of this list is.
   *
   * @return the X of every ack sent, oldest first (at most {@value #OFFSETS_KEPT})
   */
  public List<Integer> offsetsSent() {
    synchronized (offsetsSent) {
      return List.copyOf(offsetsSent);
    }
  }

  /** Stops answering and closes every socket. */
  @Override
  public synchronized void close() throws IOException {
    closed = true;
    closeSockets();
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeSockets() throws IOException {
    for (Datagrams.UdpSocket socket : sockets) {
      socket.close();
    }
    for (Datagrams.UdpSocket decoy : decoys) {
      decoy.close();
    }
    sockets.clear();
    decoys.clear();
  }

  /** Configures a {@link ResetServer}; every setter validates its argument at once. */
  public static final class Builder {
    private Family family = Family.ANY;
    private boolean alternate;
    private boolean loopback;
    private int port = 5004;
    private double loss;
    private Duration period = Duration.ofSeconds(30);
    private InstantSource clock = InstantSource.system();
    private Random random = new Random();
    private boolean bogusAcks;
    private ResetProfile profile = ResetProfile.LAB_TEXT;
    private Datagrams datagrams = Datagrams.SYSTEM;
    private Consumer<String> log = line -> {};

    private Builder() {}

    /**
     * Starts from a profile: how requests are answered (see {@link ResetProfile}), and the
     * profile's loss, period and families. {@link ResetProfile#COURSE} answers exactly {@code
     * RESET:20} with {@code OFFSET:X} and anything else with {@code Wrong command.}, drops with
     * probability 0.5 and alternates families every 10 s, as the course's server did (FACTS.md,
     * Part 3). Setters called after this one change the loss, period or families; the way of
     * answering stays the profile's. {@link ResetProfile#LAB_TEXT} by default.
     *
     * @param profile {@link ResetProfile#LAB_TEXT} or {@link ResetProfile#COURSE}
     * @return this builder
     */
    public Builder profile(ResetProfile profile) {
      this.profile = checkNotNull(profile, "profile");
      this.loss = profile.loss();
      this.period = profile.period();
      this.alternate = profile.alternates();
      this.family = Family.ANY;
      return this;
    }

    /**
     * The families it answers on: {@link Family#IPV4}, {@link Family#IPV6}, or {@link Family#ANY}
     * (both, on the same port; the default).
     *
     * @param family {@link Family#IPV4}, {@link Family#IPV6} or {@link Family#ANY}
     * @return this builder
     */
    public Builder family(Family family) {
      this.family = checkNotNull(family, "family");
      return this;
    }

    /**
     * True to serve one family at a time, switching every {@linkplain #period period} of the wall
     * clock: IPv4 during even periods since the epoch, IPv6 during odd ones (as the course's server
     * did). It listens on both families; {@link #family} must be {@link Family#ANY}. Off by
     * default.
     *
     * @param alternate whether to alternate
     * @return this builder
     */
    public Builder alternate(boolean alternate) {
      this.alternate = alternate;
      return this;
    }

    /**
     * True to listen on 127.0.0.1 and/or ::1 only; false (the default) listens on 0.0.0.0 and/or
     * {@code ::}, reachable from other hosts.
     *
     * @param loopback true for 127.0.0.1 and ::1 only
     * @return this builder
     */
    public Builder loopback(boolean loopback) {
      this.loopback = loopback;
      return this;
    }

    /**
     * 0 picks a free port (see {@link #port()}); 5004 by default, as in the lab.
     *
     * @param port 0 to 65535 (0: a free port the system picks)
     * @return this builder
     */
    public Builder port(int port) {
      checkArgument(port >= 0 && port <= 65535, "port must be 0 to 65535, got %s", port);
      this.port = port;
      return this;
    }

    /**
     * The probability of dropping each valid request, 0 (the default) to 1.
     *
     * @param probability the probability that a request is dropped, 0 to 1
     * @return this builder
     */
    public Builder loss(double probability) {
      checkArgument(
          probability >= 0 && probability <= 1,
          "loss must be a probability from 0 to 1, got %s",
          probability);
      this.loss = probability;
      return this;
    }

    /**
     * When {@linkplain #alternate alternating}: how long each family is served; 30 s by default.
     *
     * @param period how long each family is served, at least 1 ms
     * @return this builder
     */
    public Builder period(Duration period) {
      checkArgument(
          period != null && period.toMillis() >= 1, "period must be 1 ms or more: %s", period);
      this.period = period;
      return this;
    }

    /**
     * The clock {@linkplain #alternate alternating} follows; the system's by default.
     *
     * @param clock the clock alternating follows
     * @return this builder
     */
    public Builder clock(InstantSource clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * The source of losses and offsets; seed it for repeatable tests.
     *
     * @param random the source of random draws; seed it for repeatable tests
     * @return this builder
     */
    public Builder random(Random random) {
      this.random = checkNotNull(random, "random");
      return this;
    }

    /**
     * A fault for tests: before the real ack (and for dropped requests too) send a well-formed ack
     * with another offset from another port, and an ack out of range from the right port. A correct
     * client ignores both. Off by default.
     *
     * @param on true to send the bogus acks
     * @return this builder
     */
    public Builder bogusAcks(boolean on) {
      this.bogusAcks = on;
      return this;
    }

    /**
     * Opens the sockets; real UDP by default.
     *
     * @param datagrams opens the UDP sockets; real ones by default
     * @return this builder
     */
    public Builder datagrams(Datagrams datagrams) {
      this.datagrams = checkNotNull(datagrams, "datagrams");
      return this;
    }

    /**
     * Receives one line per datagram and per failure; nothing by default.
     *
     * @param log receives one line per datagram and per failure
     * @return this builder
     */
    public Builder log(Consumer<String> log) {
      this.log = checkNotNull(log, "log");
      return this;
    }

    /**
     * A server, not yet listening: call {@link ResetServer#start()}.
     *
     * @return the new reset server
     */
    public ResetServer build() {
      checkArgument(
          !alternate || family == Family.ANY, "alternate needs family ANY, not %s", family);
      return new ResetServer(this);
    }
  }
}
