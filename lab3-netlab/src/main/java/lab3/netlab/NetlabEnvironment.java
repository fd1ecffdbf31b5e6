package lab3.netlab;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lab network as an environment ({@link LabNetwork}): the emulators run on {@code labhost}, the
 * clients and the captures on {@code pc}, across one Ethernet link of MTU 1,500 with offloads off
 * and a few milliseconds of delay each way, as on the lab's Wi-Fi. The namespaces are the report's
 * own, so the emulators listen on the lab's ports (5003 to 5007, the group 224.1.1.1:5005).
 */
public final class NetlabEnvironment implements LabEnvironment {
  /** The one-way delay of the report's lab network: a round trip of 10 ms, as on Wi-Fi. */
  public static final Duration DELAY = Duration.ofMillis(5);

  private static final AtomicInteger VARIANTS = new AtomicInteger();
  private final LabNetwork lab;

  private NetlabEnvironment(LabNetwork lab) {
    this.lab = lab;
  }

  /**
   * Starts a lab network of prefix {@code name} with {@code mtu} and {@code delay} each way; close
   * it to remove it.
   *
   * @throws IOException with one line when no lab network can be made here
   */
  public static NetlabEnvironment start(String name, int mtu, Duration delay) throws IOException {
    LabNetwork.Builder b = LabNetwork.builder().name(name).mtu(mtu);
    if (!delay.isZero()) {
      b.delay(delay);
    }
    return start(b);
  }

  /**
   * Starts the lab network {@code network} describes (name, MTU, impairments); close it to remove
   * it.
   *
   * @throws IOException with one line when no lab network can be made here
   */
  public static NetlabEnvironment start(LabNetwork.Builder network) throws IOException {
    return new NetlabEnvironment(network.start());
  }

  /** The lab network itself. */
  public LabNetwork lab() {
    return lab;
  }

  @Override
  public String name() {
    return "netlab";
  }

  @Override
  public String profile() {
    long delay = lab.impairments().delay().toMillis();
    return "the lab network (netlab): two network namespaces, pc (clients, captures on "
        + captureInterface()
        + ") and labhost (the emulators, "
        + LabEnvironment.text(lab.labhost().ipv4())
        + " and "
        + LabEnvironment.text(lab.labhost().ipv6())
        + "), joined by one Ethernet link of MTU "
        + lab.mtu()
        + " bytes with TSO, GSO, GRO and checksum offload off, "
        + (delay == 0
            ? "no delay"
            : delay + " ms of delay each way (a round trip of " + 2 * delay + " ms)")
        + (onlyDelay(lab.impairments())
            ? ", no loss on the link, as on the lab's Wi-Fi"
            : "; impairments: " + lab.impairments());
  }

  /** True when the link has no impairment but delay: the lab's Wi-Fi as the report states it. */
  private static boolean onlyDelay(Impairments impairments) {
    return impairments.requested().stream().allMatch(kind -> kind == Impairments.Kind.DELAY);
  }

  @Override
  public InetAddress serverV6() {
    return lab.labhost().ipv6();
  }

  @Override
  public InetAddress serverV4() {
    return lab.labhost().ipv4();
  }

  @Override
  public InetAddress clientV4() {
    return lab.pc().ipv4();
  }

  @Override
  public String captureInterface() {
    return lab.pc().interfaceName();
  }

  @Override
  public String serverInterface() {
    return lab.labhost().interfaceName();
  }

  @Override
  public int mtu() {
    return lab.mtu();
  }

  @Override
  public <T> T onServer(Callable<T> action) throws Exception {
    return lab.labhost().call(action);
  }

  @Override
  public <T> T onClient(Callable<T> action) throws Exception {
    return lab.pc().call(action);
  }

  @Override
  public boolean isolated() {
    return true;
  }

  @Override
  public String serverName() {
    return "tcpip.lab";
  }

  @Override
  public String clientShell() {
    return "./lab3 netlab exec pc -- ";
  }

  @Override
  public ProcessBuilder clientCommand(List<String> argv) {
    return lab.pc().command(argv);
  }

  @Override
  public Optional<LabEnvironment> variant(int mtu, Duration delay) throws IOException {
    return Optional.of(start(lab.name() + "-v" + VARIANTS.incrementAndGet(), mtu, delay));
  }

  @Override
  public Duration delay() {
    return lab.impairments().delay();
  }

  @Override
  public void close() {
    lab.close();
  }
}
