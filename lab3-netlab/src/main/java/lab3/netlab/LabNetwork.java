package lab3.netlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import lab3.netlab.Impairments.Kind;
import lab3.netlab.Impairments.Mechanism;

/**
 * The lab's network on one machine: two hosts, {@code pc} (the student's machine) and {@code
 * labhost} (the lab's server host), each a Linux network namespace, joined by one Ethernet link.
 *
 * <pre>{@code
 * pc (netns)                                     labhost (netns)
 * eth0 198.18.0.1/24           link           eth0 198.18.0.2/24
 *      fd1a:b3d0:c3e0:1::1/64 <-----------------> fd1a:b3d0:c3e0:1::2/64
 * /etc/hosts: tcpip.lab -> 198.18.0.2, fd1a:b3d0:c3e0:1::2
 * }</pre>
 *
 * <p>Why not loopback? Loopback has an MTU of 65,536 and a round trip of microseconds, and the
 * kernel hands TCP's data to it in super-packets of up to 64 KiB: on it a 45,771-byte floodme is 2
 * packets. On this link it is what the lab's network shows: segments of at most MSS bytes (1,448
 * with timestamps at MTU 1,500), because the link has the MTU asked for and its segmentation and
 * receive offloads (TSO, GSO, GRO) are off, so the kernel cuts segments itself instead of leaving
 * that to a network card this link does not have. Its checksum offload is off too, so a capture
 * shows correct checksums.
 *
 * <p>Nothing can leave the two namespaces: they have no default route and the link is bridged to
 * nothing of the machine. Multicast is routed over the link (224.0.0.0/4 and ff00::/8), so Part 4
 * works across it for both families.
 *
 * <p>Use it like an emulator: built, started, used, closed.
 *
 * <pre>{@code
 * try (LabNetwork lab = LabNetwork.builder().delay(Duration.ofMillis(5)).start()) {
 *   lab.labhost().call(() -> PmuServer.builder().port(5003).build().start());
 *   Process part2 = lab.pc().command(List.of("./lab3", "part2", "tcpip.lab", "5003", "CMD_short:0")).start();
 * }
 * }</pre>
 *
 * <p>Making namespaces needs root (or a user namespace); {@link #unavailableReason()} says whether
 * it can be done here, so a test can skip with the reason.
 */
public final class LabNetwork implements AutoCloseable {
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final String NETNS_DIR = "/var/run/netns/";
  static final String LINK = "eth0";
  private static final String LINK_DOWN_TABLE = "lab3-link-down";
  private static volatile Optional<String> probed;

  /** What a detached relay prints on stderr once it forwards ({@link Builder#runRelay}). */
  public static final String RELAY_READY = RelayProcess.READY;

  /**
   * Why a normal user gets no lab network: {@code ip netns} needs root. A user namespace ({@code
   * unshare --user --net}, as grade's sandbox) would give one namespace of the user's own, but
   * neither names the hosts ({@code ip netns}, {@code /etc/netns}) nor outlives its process.
   */
  public static final String NEEDS_ROOT =
      "the lab network needs root (ip netns); run it with sudo, or use the loopback emulators";

  private final String prefix;
  private final int mtu;
  private final Host pc;
  private final Host labhost;
  private volatile Impairments impairments;
  private final List<String> namespaces = new ArrayList<>();
  private final List<AutoCloseable> running = new ArrayList<>();
  private boolean closed;
  private boolean linkDown;
  private final List<String> relayCommand;
  private final Path stateDirectory;

  private LabNetwork(Builder builder) {
    this.prefix = builder.prefix;
    this.mtu = builder.mtu;
    this.pc =
        new Host(
            "pc", prefix + "-pc", Addresses.ipv4(Addresses.PC), Addresses.ipv6(Addresses.PC), LINK);
    this.labhost =
        new Host(
            "labhost",
            prefix + "-labhost",
            Addresses.ipv4(Addresses.LABHOST),
            Addresses.ipv6(Addresses.LABHOST),
            LINK);
    this.impairments = builder.impairments(Map.of());
    this.relayCommand = builder.relayCommand;
    this.stateDirectory = builder.stateDirectory;
  }

  /**
   * Removes a lab network that outlived its process ({@code netlab up}): its relay process, its
   * namespaces and its files. Does nothing if there is none.
   */
  public static void remove(String prefix, Path stateDirectory) {
    RelayProcess.stop(stateDirectory, prefix);
    removeLeftovers(prefix);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Empty if a lab network can be made here; else one line saying why (not Linux, not root, no
   * {@code ip} or {@code ethtool}, a JDK without the foreign function API, namespaces forbidden).
   * The answer comes from making and removing a namespace once per JVM.
   */
  public static Optional<String> unavailableReason() {
    Optional<String> reason = probed;
    if (reason == null) {
      synchronized (LabNetwork.class) {
        if (probed == null) {
          probed = probe();
        }
        reason = probed;
      }
    }
    return reason;
  }

  private static Optional<String> probe() {
    String os = System.getProperty("os.name", "");
    if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
      return Optional.of("the lab network needs Linux network namespaces; this is " + os);
    }
    if (!isRoot()) {
      return Optional.of(NEEDS_ROOT);
    }
    for (String tool : List.of("ip", "ethtool")) {
      if (!Shell.found(tool)) {
        return Optional.of(
            "the lab network needs '" + tool + "' (apt-get install " + packageOf(tool) + ")");
      }
    }
    if (Native.unavailableReason().isPresent()) {
      return Optional.of("the lab network " + Native.unavailableReason().get());
    }
    String name = "lab3-probe-" + ProcessHandle.current().pid();
    try {
      Shell.Result made = Shell.tryRun("ip", "netns", "add", name);
      Shell.tryRun("ip", "netns", "delete", name);
      if (made.status() != 0) {
        return Optional.of("cannot make a network namespace here: " + made.firstLine());
      }
    } catch (IOException e) {
      return Optional.of("cannot make a network namespace here: " + e.getMessage());
    }
    return Optional.empty();
  }

  private static String packageOf(String tool) {
    return tool.equals("ip") ? "iproute2" : tool;
  }

  /** True when this process runs as root (its effective user id is 0): only root may make one. */
  public static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0"); // the effective user id
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** The student's machine. */
  public Host pc() {
    return pc;
  }

  /** The lab's server host: {@code tcpip.lab} (and {@code labhost}) in {@code pc}'s hosts file. */
  public Host labhost() {
    return labhost;
  }

  /** The link's MTU, in bytes, on both hosts. */
  public int mtu() {
    return mtu;
  }

  /** What was asked of the link, and which mechanism delivers each impairment. */
  public Impairments impairments() {
    return impairments;
  }

  /** The prefix of this network's namespace names. */
  public String name() {
    return prefix;
  }

  /** One paragraph: the hosts, their addresses, the MTU, the impairments and their mechanisms. */
  public String describe() {
    return "Lab network "
        + prefix
        + ": hosts "
        + pc
        + " and "
        + labhost
        + ", joined by one Ethernet link at MTU "
        + mtu
        + " (TSO, GSO, GRO and checksum offload off; no default route, nothing bridged to the"
        + " machine). In pc, tcpip.lab and labhost name "
        + Addresses.text(labhost.ipv4())
        + " and "
        + Addresses.text(labhost.ipv6())
        + ". Multicast is routed over the link (224.0.0.0/4, ff00::/8). Impairments: "
        + impairments
        + ".";
  }

  /**
   * Cuts the link, as if its cable were pulled without either host noticing: from now on no frame
   * crosses it either way (an nftables rule on the ingress of each host's {@code eth0} drops every
   * frame, ARP and neighbour discovery included). Addresses, routes and sockets stay as they are,
   * so TCP retransmits into the void and a connection made before carries on after {@link
   * #linkUp()} if neither end gave up meanwhile. Idempotent.
   *
   * @throws IOException if the rule cannot be set ({@code nft} missing: apt-get install nftables)
   */
  public synchronized void linkDown() throws IOException {
    if (linkDown) {
      return;
    }
    if (!Shell.found("nft")) {
      throw new IOException("taking the link down needs 'nft' (apt-get install nftables)");
    }
    for (Host host : List.of(pc, labhost)) {
      Shell.runWithInput(
          "table netdev "
              + LINK_DOWN_TABLE
              + " {\n  chain ingress {\n    type filter hook ingress device \""
              + LINK
              + "\" priority -500; policy drop;\n  }\n}\n",
          "ip",
          "netns",
          "exec",
          host.namespace(),
          "nft",
          "-f",
          "-");
    }
    linkDown = true;
  }

  /**
   * Puts the link back after {@link #linkDown()}: frames cross it again (with the impairments it
   * had). Idempotent.
   *
   * @throws IOException if the rule cannot be removed
   */
  public synchronized void linkUp() throws IOException {
    if (!linkDown) {
      return;
    }
    for (Host host : List.of(pc, labhost)) {
      Shell.run(
          "ip",
          "netns",
          "exec",
          host.namespace(),
          "nft",
          "delete",
          "table",
          "netdev",
          LINK_DOWN_TABLE);
    }
    linkDown = false;
  }

  /** False between {@link #linkDown()} and {@link #linkUp()}. */
  public synchronized boolean isLinkUp() {
    return !linkDown;
  }

  /** Removes every namespace, link, qdisc, relay and file this network made; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (AutoCloseable thing : running.reversed()) {
      try {
        thing.close();
      } catch (Exception ignored) {
        // removing the namespaces below ends what it held
      }
    }
    for (String namespace : namespaces.reversed()) {
      removeNamespace(namespace);
    }
  }

  /** Removes what a lab network of this prefix left (a killed process): namespaces and files. */
  static void removeLeftovers(String prefix) {
    for (String suffix : List.of("-pc", "-labhost", "-wire")) {
      String namespace = prefix + suffix;
      if (Files.exists(Path.of(NETNS_DIR + namespace))
          || Files.exists(HostsFile.directory(namespace))) {
        removeNamespace(namespace);
      }
    }
  }

  private static void removeNamespace(String namespace) {
    try {
      // Deleting a namespace deletes its interfaces, their peers and their qdiscs with it.
      if (Files.exists(Path.of(NETNS_DIR + namespace))) {
        // A process left running in a host (a server started with exec) would keep the namespace
        // and its sockets alive: it is ended with the host, and waited for (killed after 5 s).
        List<ProcessHandle> left = new ArrayList<>();
        for (String pid : Shell.tryRun("ip", "netns", "pids", namespace).output().split("\\s+")) {
          if (pid.matches("\\d+")) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(left::add);
          }
        }
        left.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle process : left) {
          try {
            process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
          } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
          }
        }
        Shell.tryRun("ip", "netns", "delete", namespace);
      }
      HostsFile.remove(namespace);
    } catch (IOException ignored) {
      // best effort: what is left is removed by the next start of the same name
    }
  }

  private void start(Builder builder) throws IOException {
    removeLeftovers(prefix);
    try {
      addNamespace(pc.namespace());
      addNamespace(labhost.namespace());
      Impairments asked = builder.impairments(Map.of());
      boolean relayed = needsRelay(asked) && !Netem.works(pc.namespace());
      if (relayed) {
        wire();
      } else {
        Shell.run(
            "ip",
            "-n",
            pc.namespace(),
            "link",
            "add",
            LINK,
            "type",
            "veth",
            "peer",
            "name",
            LINK,
            "netns",
            labhost.namespace());
      }
      for (Host host : List.of(pc, labhost)) {
        configure(host);
      }
      HostsFile.write(pc.namespace(), pc, labhost);
      HostsFile.write(labhost.namespace(), pc, labhost);
      impairments = builder.impairments(applyImpairments(asked, relayed));
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private static boolean needsRelay(Impairments asked) {
    return asked.requested().stream().anyMatch(kind -> kind != Kind.RATE);
  }

  /** The wire's namespace between the hosts, its two links, and the relay on them. */
  private void wire() throws IOException {
    String wire = prefix + "-wire";
    addNamespace(wire);
    // The wire is no host: without IPv6 its kernel sends nothing of its own onto the links.
    Shell.run(
        "ip",
        "netns",
        "exec",
        wire,
        "sysctl",
        "-qw",
        "net.ipv6.conf.all.disable_ipv6=1",
        "net.ipv6.conf.default.disable_ipv6=1");
    Shell.run(
        "ip",
        "-n",
        pc.namespace(),
        "link",
        "add",
        LINK,
        "type",
        "veth",
        "peer",
        "name",
        FrameRelay.TO_PC,
        "netns",
        wire);
    Shell.run(
        "ip",
        "-n",
        labhost.namespace(),
        "link",
        "add",
        LINK,
        "type",
        "veth",
        "peer",
        "name",
        FrameRelay.TO_LABHOST,
        "netns",
        wire);
    for (String link : List.of(FrameRelay.TO_PC, FrameRelay.TO_LABHOST)) {
      Shell.run("ip", "-n", wire, "link", "set", link, "mtu", Integer.toString(mtu));
      offloadsOff(wire, link);
      Shell.run("ip", "-n", wire, "link", "set", link, "up");
    }
  }

  private void startRelay(Impairments asked) throws IOException {
    if (relayCommand != null) {
      running.add(
          RelayProcess.start(prefix + "-wire", relayCommand, stateDirectory, prefix, asked));
      return;
    }
    Native system =
        Native.get().orElseThrow(() -> new IOException(Native.unavailableReason().orElseThrow()));
    try {
      running.add(Host.callIn(prefix + "-wire", () -> FrameRelay.start(system, asked)));
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("the relay did not start: " + e, e);
    }
  }

  private void addNamespace(String namespace) throws IOException {
    Shell.run("ip", "netns", "add", namespace);
    namespaces.add(namespace);
    Shell.run("ip", "-n", namespace, "link", "set", "lo", "up");
  }

  /** The link's MTU, offloads off, the addresses, multicast routes; then the link up. */
  private void configure(Host host) throws IOException {
    String ns = host.namespace();
    Shell.run("ip", "-n", ns, "link", "set", LINK, "mtu", Integer.toString(mtu));
    offloadsOff(ns, LINK);
    int id = host == pc ? Addresses.PC : Addresses.LABHOST;
    Shell.run(
        "ip",
        "-n",
        ns,
        "addr",
        "add",
        Addresses.IPV4_PREFIX + id + "/" + Addresses.IPV4_LENGTH,
        "dev",
        LINK);
    // nodad: no duplicate address detection (a second or more during which the address is
    // unusable); nothing else on this link can hold it.
    Shell.run(
        "ip",
        "-n",
        ns,
        "addr",
        "add",
        Addresses.IPV6_PREFIX + id + "/" + Addresses.IPV6_LENGTH,
        "dev",
        LINK,
        "nodad");
    Shell.run("ip", "-n", ns, "link", "set", LINK, "up");
    // No default route: a packet for any other address has nowhere to go. Multicast groups have
    // a route over the link, so a sender need not name an interface.
    Shell.run("ip", "-n", ns, "route", "add", "224.0.0.0/4", "dev", LINK);
    Shell.run(
        "ip",
        "-n",
        ns,
        "-6",
        "route",
        "replace",
        "multicast",
        "ff00::/8",
        "dev",
        LINK,
        "table",
        "local");
  }

  /**
   * Segmentation offload (TSO, GSO) lets TCP hand the link 64 KiB super-packets that a network card
   * would cut; a veth has no card, so a capture would show the super-packets. GRO merges received
   * segments back. Checksum offload leaves checksums for a card to fill in: a capture (and a relay
   * that copies frames) would see them unfilled.
   */
  static void offloadsOff(String namespace, String link) throws IOException {
    Shell.run(
        "ip", "netns", "exec", namespace, "ethtool", "-K", link, "tx", "off", "tso", "off", "gso",
        "off", "gro", "off");
  }

  /** Puts the impairments on the link and returns which mechanism delivers each. */
  private Map<Kind, Mechanism> applyImpairments(Impairments asked, boolean relayed)
      throws IOException {
    Map<Kind, Mechanism> mechanisms = new EnumMap<>(Kind.class);
    if (asked.none()) {
      return mechanisms;
    }
    if (needsRelay(asked) && !relayed) {
      for (Kind kind : asked.requested()) {
        mechanisms.put(kind, Mechanism.NETEM);
      }
      for (Host host : List.of(pc, labhost)) {
        Netem.apply(host.namespace(), LINK, asked);
      }
      return mechanisms;
    }
    for (Kind kind : asked.requested()) {
      mechanisms.put(kind, kind == Kind.RATE ? Mechanism.TBF : Mechanism.RELAY);
    }
    if (relayed) {
      startRelay(asked);
    }
    if (asked.rateMbit() > 0) {
      for (Host host : List.of(pc, labhost)) {
        Tbf.apply(host.namespace(), LINK, asked.rateMbit(), mtu);
      }
    }
    return mechanisms;
  }

  /** Builds a {@link LabNetwork}; every value is checked where it is set. */
  public static final class Builder {
    private String prefix =
        "lab3-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
    private int mtu = 1500;
    private Duration delay = Duration.ZERO;
    private Duration jitter = Duration.ZERO;
    private double loss;
    private double reorder;
    private double duplicate;
    private double rateMbit;
    private long seed = System.nanoTime();
    private List<String> relayCommand;
    private Path stateDirectory;

    private Builder() {}

    /** The link's MTU: 1,280 (IPv6's minimum) to 65,535 bytes; 1,500 (Ethernet) by default. */
    public Builder mtu(int mtu) {
      if (mtu < 1280 || mtu > 65_535) {
        throw new IllegalArgumentException("MTU " + mtu + " out of range 1280-65535");
      }
      this.mtu = mtu;
      return this;
    }

    /** The one-way delay, added each way (the round trip gains twice it); at most 10 s. */
    public Builder delay(Duration delay) {
      this.delay = nonNegative("delay", delay);
      return this;
    }

    /** Each frame's delay varies within delay ± jitter; at most 10 s. */
    public Builder jitter(Duration jitter) {
      this.jitter = nonNegative("jitter", jitter);
      return this;
    }

    /** The probability, 0 to 1, that a frame is dropped, each way. */
    public Builder loss(double p) {
      this.loss = probability("loss", p);
      return this;
    }

    /** The probability, 0 to 1, that a frame is held back so that later ones overtake it. */
    public Builder reorder(double p) {
      this.reorder = probability("reorder", p);
      return this;
    }

    /** The probability, 0 to 1, that a frame is delivered twice. */
    public Builder duplicate(double p) {
      this.duplicate = probability("duplicate", p);
      return this;
    }

    /** The link's rate in Mbit/s, each way; 0 (the default) for no limit. */
    public Builder rateMbit(double mbit) {
      if (!(mbit >= 0 && mbit <= 100_000)) {
        throw new IllegalArgumentException("rate " + mbit + " Mbit/s out of range 0-100000");
      }
      this.rateMbit = mbit;
      return this;
    }

    /** The seed of the random decisions (loss, reordering, duplication, jitter), for tests. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The prefix of the namespaces' names ({@code PREFIX-pc}, {@code PREFIX-labhost}); by default
     * unique to this instance (the pid and a counter), so several lab networks run at once. A start
     * removes what a killed network of the same prefix left.
     */
    public Builder name(String prefix) {
      if (!prefix.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,40}")) {
        throw new IllegalArgumentException(
            "network name '" + prefix + "': letters, digits, '_', '.', '-', at most 41");
      }
      this.prefix = prefix;
      return this;
    }

    /**
     * For a network that outlives this JVM ({@code netlab up}): a relay, if one is needed, runs as
     * its own process, {@code javaCommand} followed by {@code netlab relay} and the impairments,
     * whose pid and log go in {@code stateDirectory}. The caller then never calls {@code close()};
     * {@link LabNetwork#remove} ends it.
     */
    public Builder detached(List<String> javaCommand, Path stateDirectory) {
      this.relayCommand = List.copyOf(javaCommand);
      this.stateDirectory = stateDirectory;
      return this;
    }

    /**
     * Makes the network. Throws with one line if it cannot be made here ({@link
     * #unavailableReason()}) or an impairment asked for cannot be delivered; then nothing is left.
     */
    public LabNetwork start() throws IOException {
      Optional<String> unavailable = unavailableReason();
      if (unavailable.isPresent()) {
        throw new IOException(unavailable.get());
      }
      LabNetwork network = new LabNetwork(this);
      network.start(this);
      return network;
    }

    /**
     * Runs the wire's frame relay in this process, with this builder's impairments, until the
     * process is killed: what {@link #detached} starts in the wire namespace ({@code netlab
     * relay}). {@code onReady} runs once both of its sockets are open; it must print {@link
     * #RELAY_READY} on stderr, which the starting process waits for.
     */
    public void runRelay(Runnable onReady) throws Exception {
      RelayProcess.runHere(impairments(Map.of()), onReady);
    }

    Impairments impairments(Map<Kind, Mechanism> mechanisms) {
      return new Impairments(delay, jitter, loss, reorder, duplicate, rateMbit, seed, mechanisms);
    }

    private static Duration nonNegative(String what, Duration value) {
      if (value.isNegative() || value.compareTo(Duration.ofSeconds(10)) > 0) {
        throw new IllegalArgumentException(
            what + " " + value.toMillis() + " ms out of range 0-10000");
      }
      return value;
    }

    private static double probability(String what, double p) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(what + " " + p + " out of range 0-1");
      }
      return p;
    }
  }
}
