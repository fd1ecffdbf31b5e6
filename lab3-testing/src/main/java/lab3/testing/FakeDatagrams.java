package lab3.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;
import lab3.reset.Datagrams;
import lab3.reset.OffsetAck;
import lab3.reset.ResetRequest;
import lab3.transport.Family;

/**
 * The reset PMU of Part 3 in memory, as a {@link Datagrams} to give a {@link
 * lab3.reset.ResetClient}: every {@code RESET:n} a client socket sends is answered with {@code
 * OFFSET=x} from the address it was sent to, unless the script says otherwise: lost with a
 * probability, answered late, or not answered at all on one family (a server that listens on IPv4
 * only). Every datagram sent is recorded.
 *
 * <pre>{@code
 * FakeDatagrams network = FakeDatagrams.builder().answers(Family.IPV4).loss(0.3)
 *     .random(new Random(1)).offsets(n -> 7).build();
 * ResetResult r = ResetClient.builder().datagrams(network).resolver(...).build().reset(endpoint);
 * assertEquals(7, r.offset());
 * }</pre>
 *
 * <p>A socket of a family opened with {@link Builder#unavailable} fails to open, as on a host
 * without IPv6. The delay runs on a virtual thread per answer; with no delay (the default) an
 * answer is in the socket's inbox before {@code send} returns.
 */
public final class FakeDatagrams implements Datagrams {

  /**
   * A datagram a client socket sent.
   *
   * @param family the socket's family
   * @param text the payload, as ISO-8859-1 text
   * @param to where it was sent
   */
  public record Sent(Family family, String text, InetSocketAddress to) {}

  private final Set<Family> answered;
  private final Set<Family> unavailable;
  private final double loss;
  private final Duration delay;
  private final Random random;
  private final IntUnaryOperator offsets;
  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final List<Socket> opened = new CopyOnWriteArrayList<>();

  private FakeDatagrams(Builder builder) {
    this.answered = EnumSet.copyOf(builder.answered);
    this.unavailable =
        builder.unavailable.isEmpty()
            ? EnumSet.noneOf(Family.class)
            : EnumSet.copyOf(builder.unavailable);
    this.loss = builder.loss;
    this.delay = builder.delay;
    this.random = builder.random;
    Random source = builder.random;
    this.offsets = builder.offsets != null ? builder.offsets : n -> source.nextInt(n + 1);
  }

  /**
   * A builder: both families answered, no loss, no delay, offsets drawn uniformly from [0, n].
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every datagram client sockets sent, in order.
   *
   * @return the datagrams sent
   */
  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  /**
   * The datagrams sent from sockets of one family.
   *
   * @param family {@link Family#IPV4} or {@link Family#IPV6}
   * @return those datagrams, in order
   */
  public List<Sent> sent(Family family) {
    return sent.stream().filter(s -> s.family() == family).toList();
  }

  /**
   * How many sockets were opened, and how many of them are closed: a client must close each.
   *
   * @return the number of sockets still open
   */
  public long openSockets() {
    return opened.stream().filter(s -> !s.closed).count();
  }

  @Override
  public UdpSocket open(InetSocketAddress local) throws IOException {
    Family family = Family.of(local.getAddress());
    if (unavailable.contains(family)) {
      throw new SocketException("Protocol family unavailable (" + family.displayName() + ")");
    }
    Socket socket =
        new Socket(family, new InetSocketAddress(local.getAddress(), 40000 + opened.size()));
    opened.add(socket);
    return socket;
  }

  private void onSend(Socket from, byte[] data, InetSocketAddress to) {
    sent.add(new Sent(from.family, new String(data, StandardCharsets.ISO_8859_1), to));
    if (!answered.contains(from.family)) {
      return; // nobody listens on this family
    }
    int offset;
    synchronized (random) {
      if (random.nextDouble() < loss) {
        return;
      }
      int n;
      try {
        n = ResetRequest.decode(data, 0, data.length).n();
      } catch (ProtocolException e) {
        return; // the lab's server ignores what it cannot parse
      }
      offset = offsets.applyAsInt(n);
    }
    byte[] ack = new OffsetAck(offset).encode();
    Received answer = new Received(ack, to);
    if (delay.isZero()) {
      from.inbox.add(answer);
    } else {
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  Thread.sleep(delay);
                  from.inbox.add(answer);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
    }
  }

  private final class Socket implements UdpSocket {
    private final Family family;
    private final InetSocketAddress local;
    private final Inbox<Received> inbox = new Inbox<>("fake");
    private volatile boolean closed;

    Socket(Family family, InetSocketAddress local) {
      this.family = family;
      this.local = local;
    }

    @Override
    public InetSocketAddress localAddress() {
      return local;
    }

    @Override
    public void send(byte[] data, InetSocketAddress to) throws IOException {
      if (closed) {
        throw new SocketException("Socket is closed");
      }
      onSend(this, data.clone(), to);
    }

    @Override
    public Received receive(Duration timeout) throws IOException {
      return inbox.take(timeout);
    }

    @Override
    public void close() {
      closed = true;
      inbox.close();
    }
  }

  /** Configures a {@link FakeDatagrams}. */
  public static final class Builder {
    private Set<Family> answered = EnumSet.of(Family.IPV4, Family.IPV6);
    private Set<Family> unavailable = EnumSet.noneOf(Family.class);
    private double loss;
    private Duration delay = Duration.ZERO;
    private Random random = new Random();
    private IntUnaryOperator offsets;

    private Builder() {}

    /**
     * The families the fake server answers on ({@link Family#ANY}: both, the default).
     *
     * @param family {@link Family#IPV4}, {@link Family#IPV6} or {@link Family#ANY} (both)
     * @return this builder
     */
    public Builder answers(Family family) {
      checkNotNull(family, "family");
      this.answered =
          family == Family.ANY ? EnumSet.of(Family.IPV4, Family.IPV6) : EnumSet.of(family);
      return this;
    }

    /**
     * A family whose sockets fail to open, as on a host without it.
     *
     * @param family {@link Family#IPV4} or {@link Family#IPV6}
     * @return this builder
     */
    public Builder unavailable(Family family) {
      checkArgument(family != null && family != Family.ANY, "one family: IPV4 or IPV6");
      this.unavailable = EnumSet.copyOf(unavailable);
      this.unavailable.add(family);
      return this;
    }

    /**
     * The probability that a request is lost, 0 (the default) to 1.
     *
     * @param probability the chance that a request is lost, 0 to 1
     * @return this builder
     */
    public Builder loss(double probability) {
      checkArgument(
          probability >= 0 && probability <= 1, "loss must be 0 to 1, got %s", probability);
      this.loss = probability;
      return this;
    }

    /**
     * How long each answer takes to arrive; none by default.
     *
     * @param delay how long after the request the answer arrives; zero or more
     * @return this builder
     */
    public Builder delay(Duration delay) {
      checkArgument(delay != null && !delay.isNegative(), "delay must be 0 or more: %s", delay);
      this.delay = delay;
      return this;
    }

    /**
     * The source of losses and offsets; seed it for repeatable tests.
     *
     * @param random the source of losses and offsets; seed it for repeatable tests
     * @return this builder
     */
    public Builder random(Random random) {
      this.random = checkNotNull(random, "random");
      return this;
    }

    /**
     * The offset answered to {@code RESET:n}; uniform in [0, n] by default.
     *
     * @param offsets n to the offset, in [0, n]
     * @return this builder
     */
    public Builder offsets(IntUnaryOperator offsets) {
      this.offsets = checkNotNull(offsets, "offsets");
      return this;
    }

    /**
     * The fake network; its settings copied, so later changes to this builder do not reach it.
     *
     * @return the fake network
     */
    public FakeDatagrams build() {
      return new FakeDatagrams(this);
    }
  }
}
