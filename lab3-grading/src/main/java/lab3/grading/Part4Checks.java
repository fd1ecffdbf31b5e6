package lab3.grading;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import lab3.multicast.MulticastChannel;
import lab3.multicast.MulticastMessage;
import lab3.multicast.TvProgram;
import lab3.netlab.LabEnvironment;

/**
 * Part 4: the receiver must print what the TV program sends and survive the subscribers' messages
 * on the group; the sender's lines must reach the group under either member's CAMIPRO.
 *
 * <p>The receiver check tells a receiver that joined from one that did not: the group's datagrams
 * come from a socket of the bench that neither joins the group nor binds its port ({@code
 * GroupFeed}), so they reach the receiver's host only for a socket joined there, and a receiver
 * without {@code SO_REUSEADDR} never meets a socket of the bench on its port. In the bench's
 * network namespace ({@link NetworkSandbox}) they come by {@code lo}, the only interface, where a
 * receiver joined by {@code INADDR_ANY} is joined (the multicast route is by {@code lo}). On the
 * lab network they come from {@code labhost} across the link (a receiver joined by {@code
 * INADDR_ANY} or on {@code eth0} hears them), and also by pc's own {@code lo}, for a receiver
 * joined on 127.0.0.1 (as {@code ./lab3 part4-receiver} is by default). On the machine's own
 * loopback ({@code --network host}) a receiver joined by {@code INADDR_ANY} is joined on the
 * default route's interface, so the TV program also runs joined on {@code lo} there: Linux then
 * hands its datagrams to every socket bound to the port ({@code IP_MULTICAST_ALL}), and only there
 * a receiver that never joins is not told apart.
 *
 * <p>The sender's lines are listened for on the server's host and, on the lab network, on pc's
 * {@code lo}, where a sender that names 127.0.0.1 sends them. The two checks of one hand-in never
 * run at once ({@link Bench#exclusively}), so a program that hard-codes the group never hears the
 * other check's datagrams. With {@code -v} the bench says where each line was heard.
 */
public final class Part4Checks {
  private static final int SCRIPT_LINES_NEEDED = 3;

  private Part4Checks() {}

  public static List<Check> all() {
    return List.of(
        new Check("Part4_Receiver", "prints the TV program's messages", Part4Checks::receiver),
        new Check("Part4_Sender", "lines reach the group under the CAMIPRO", Part4Checks::sender));
  }

  /** A group of 239.0.0.0/8 (organisation-local) nobody else on this machine uses. */
  private static InetAddress randomGroup() throws Exception {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return InetAddress.getByName(
        "239." + r.nextInt(1, 255) + "." + r.nextInt(256) + "." + r.nextInt(1, 255));
  }

  /** Subscribers' messages the receiver check puts on the group beside the TV program's. */
  static final List<String> SUBSCRIBERS =
      List.of(
          "314159Bravo to the actors, what a balcony scene!",
          "271828"
              + "Two households, both alike in dignity? I watched it twice and still cannot tell"
                  .repeat(6));

  /**
   * The group a part's program is run with: a random one given as {@code <group> <port>}, or the
   * lab's 224.1.1.1:5005 for a program whose source reads fewer arguments (it hard-codes them, as
   * the lab text gives them). The lab's group is used only where nothing a program sends can leave
   * the machine (the bench's own namespaces); on the machine's loopback such a program is not
   * graded.
   */
  private record Group(InetAddress address, int port, boolean labs, String how) {
    List<String> args(String... more) {
      List<String> args = new ArrayList<>();
      if (!labs) {
        args.add(address.getHostAddress());
        args.add("" + port);
      }
      args.addAll(List.of(more));
      return args;
    }
  }

  private static Group group(Bench bench, String part, int argumentsGiven) throws Exception {
    java.nio.file.Path source = Invocation.source(bench, part);
    int read = source == null ? -1 : Invocation.argumentsRead(source);
    boolean hardCoded =
        source != null
            && read < 2
            && Invocation.mentions(source, MulticastChannel.DEFAULT_GROUP.getHostAddress());
    if (!hardCoded) {
      return new Group(randomGroup(), freeUdpPort(), false, "");
    }
    if (bench.network().shared() && !NetworkSandbox.inside()) {
      throw new Bench.HarnessException(
          "the program hard-codes the lab's group 224.1.1.1: the bench uses 224.1.1.1:5005 only in a network of its own;"
              + " grade with --network sandbox or netlab");
    }
    return new Group(
        MulticastChannel.DEFAULT_GROUP,
        MulticastChannel.DEFAULT_PORT,
        true,
        " (run as: "
            + part
            + (argumentsGiven > 0 && read == 1 ? " <camipro>" : "")
            + ", on the lab's group 224.1.1.1:5005, which its source names)");
  }

  private static String receiver(Bench bench) throws Exception {
    bench.exclusively("Part4 group");
    Group g = group(bench, "Part4_Receiver", 0);
    InetAddress group = g.address();
    int port = g.port();
    List<String> script =
        List.of(
            "Two households, both alike in dignity,",
            "In fair Verona, where we lay our scene,",
            "From ancient grudge break to new mutiny,",
            "Where civil blood makes civil hands unclean.");
    LabEnvironment network = bench.network();
    boolean subscribers = bench.policy().is("part4.receiver-subscribers", "yes");
    // What reaches the group, in turn: the TV program's lines (swcmTV) with a subscriber's message
    // (a 6-digit ID, one of them long) after each, so that no three of the program's lines reach
    // a receiver without a subscriber's message between them: one that dies of it prints at most
    // one, wherever in the loop it joined.
    List<byte[]> datagrams = new ArrayList<>();
    for (int i = 0; i < script.size(); i++) {
      datagrams.add(("swcmTV" + script.get(i)).getBytes(StandardCharsets.UTF_8));
      if (subscribers) {
        datagrams.add(SUBSCRIBERS.get(i % SUBSCRIBERS.size()).getBytes(StandardCharsets.UTF_8));
      }
    }
    ProcessRunner.Running program = bench.start("Part4_Receiver", g.args().toArray(String[]::new));
    if (network.shared() && !NetworkSandbox.inside()) {
      // On the machine's own loopback a receiver joined by INADDR_ANY is joined on the default
      // route's interface, not on lo: the TV program joins on lo, so that such a receiver hears
      // it (IP_MULTICAST_ALL). Here, and only here, a receiver that never joins is not told apart.
      bench.track(
          bench.onServer(
              () ->
                  TvProgram.builder()
                      .group(group)
                      .port(port)
                      .networkInterface(MulticastChannel.interfaceNamed("lo"))
                      .interval(Duration.ofMillis(100))
                      .script(script)
                      .log(bench.emulatorLog("TV program"))
                      .build()
                      .start()));
    }
    // The group's feed, from sockets that neither join the group nor bind its port: a datagram
    // reaches the receiver's host only for a socket joined there, and the receiver's bind never
    // meets one of the bench's ("Address already in use" without SO_REUSEADDR). On a lab network
    // it comes from labhost across the link (a receiver joined by INADDR_ANY or on eth0 hears it)
    // and also on pc's lo (a receiver joined on 127.0.0.1 hears that one).
    java.util.function.Consumer<String> log = bench.emulatorLog("TV program");
    bench.track(
        bench.onServer(() -> GroupFeed.start(group, port, network.serverInterface(), datagrams)));
    log.accept(
        "TV program on "
            + group.getHostAddress()
            + ":"
            + port
            + " by "
            + network.serverInterface()
            + (subscribers ? ", with subscribers' messages" : "")
            + ", from a socket joined to nothing");
    if (!network.shared()) {
      bench.track(bench.onClient(() -> GroupFeed.start(group, port, "lo", datagrams)));
    }
    long deadline = System.nanoTime() + bench.limit().toNanos();
    while (System.nanoTime() < deadline && program.isAlive()) {
      if (linesSeen(program.stdoutSoFar(), script) >= SCRIPT_LINES_NEEDED) {
        return null;
      }
      Thread.sleep(50);
    }
    ProcessRunner.Result r = program.stop();
    int seen = linesSeen(r.out(), script);
    if (seen >= SCRIPT_LINES_NEEDED) {
      return null;
    }
    String first = r.out().lines().findFirst().orElse("");
    boolean died = !r.timedOut() && r.exit() != 0 && r.exit() < 128;
    String why;
    if (died && subscribers) {
      why =
          "The receiver ended when a subscriber's message"
              + " (a 6-digit CAMIPRO in place of swcmTV) reached the group: it must display every"
              + " message of the group (Part 4.1) "
              + Policy.tag("part4.receiver-subscribers")
              + ". ";
    } else if (died && joinedOnAMissingInterface(r.stderr())) {
      why = WRONG_INTERFACE + " " + Policy.tag("part4.receiver-joins") + ". ";
    } else if (seen == 0 && r.out().isBlank() && !died) {
      why =
          "Nothing reached the receiver: does it join the group (IP_ADD_MEMBERSHIP), on the"
              + " interface the group comes in by? Part 4.1 asks for a receiver that joins the"
              + " group "
              + Policy.tag("part4.receiver-joins")
              + ". ";
    } else {
      why = "";
    }
    return why
        + "printed "
        + seen
        + " of the program's lines within "
        + bench.limit().toSeconds()
        + " s"
        + (r.exit() > 0 && !r.timedOut() ? " (exited with status " + r.exit() + ")" : "")
        + Outcome.lastLine(r.stderr())
        + (first.isEmpty() ? ", nothing at all" : "; first line: '" + first + "'")
        + g.how();
  }

  /**
   * The sentence for a receiver that joined on an interface this host does not have: the address in
   * its {@code ip_mreq} (or its {@code NetworkInterface}) is the student's own machine's, so {@code
   * IP_ADD_MEMBERSHIP} fails here.
   */
  static final String WRONG_INTERFACE =
      "The receiver could not join the group: it asks for an interface (an address in"
          + " IP_ADD_MEMBERSHIP, or a NetworkInterface) that this host does not have, likely the"
          + " address of the machine it was written on; join by INADDR_ANY (the default interface)"
          + " or by the name of the interface the group comes in by (Part 4.1, Q16)";

  /** True if {@code stderr} is the kernel's refusal of a join on a missing interface. */
  static boolean joinedOnAMissingInterface(String stderr) {
    return stderr.contains("Cannot assign requested address")
        || stderr.contains("No such device")
        || stderr.contains("No network interface found with address") // Java's setInterface
        || stderr.contains("EADDRNOTAVAIL")
        || stderr.contains("ENODEV");
  }

  private static int linesSeen(String output, List<String> script) {
    return (int) script.stream().filter(output::contains).count();
  }

  private static String sender(Bench bench) throws Exception {
    bench.exclusively("Part4 group");
    Group g = group(bench, "Part4_Sender", 1);
    InetAddress group = g.address();
    int port = g.port();
    String camipro = bench.camipro1();
    String[] args = g.labs() ? senderArgs(bench, camipro) : g.args(camipro).toArray(String[]::new);
    String shortText = "Lovely balcony scene tonight!";
    String longText = "O Romeo, Romeo! wherefore art thou Romeo? ".repeat(8).strip();
    LabEnvironment network = bench.network();
    // The group's listener on the server's host; on the lab network also one on pc's lo.
    List<MulticastChannel> listeners = new ArrayList<>();
    listeners.add(
        bench.track(bench.onServer(() -> channel(group, port, network.serverInterface()))));
    if (!network.shared()) {
      listeners.add(bench.track(bench.onClient(() -> channel(group, port, "lo"))));
    }
    byte[] stdin = (shortText + "\n" + longText + "\n").getBytes(StandardCharsets.UTF_8);
    ProcessRunner.Result r = bench.run("Part4_Sender", stdin, args);
    List<MulticastMessage> seen = new ArrayList<>();
    java.util.function.Consumer<String> log = bench.log("the group's listeners");
    hear(listeners, seen, network, log);
    if (r.timedOut()) {
      return "did not end at the end of its input within " + bench.limit().toSeconds() + " s";
    }
    String againNote = "";
    if (bench.policy().is("part4.sender-one-line-per-run", "tolerate")
        && r.exit() == 0
        && heard(seen, shortText)
        && !heard(seen, longText)) {
      // A sender of one line per run (Part 4.2 asks for a program that reads text from the
      // keyboard and sends it; it does not say how many lines a run reads): run it again for the
      // second line.
      log.accept("the sender ended after one line: run again for the second");
      againNote =
          " (the sender sends one line per run, so it was run again for the second line "
              + Policy.tag("part4.sender-one-line-per-run")
              + ")";
      ProcessRunner.Result again =
          bench.run("Part4_Sender", (longText + "\n").getBytes(StandardCharsets.UTF_8), args);
      hear(listeners, seen, network, log);
      if (again.timedOut()) {
        return "did not end at the end of its input within "
            + bench.limit().toSeconds()
            + " s"
            + againNote;
      }
    }
    List<String> members =
        bench.policy().is("part4.sender-camipro", "either")
            ? List.of(camipro, bench.camipro2())
            : List.of(camipro);
    List<String> problems = new ArrayList<>();
    for (String text : List.of(shortText, longText)) {
      MulticastMessage m =
          seen.stream().filter(x -> x.text().strip().equals(text)).findFirst().orElse(null);
      if (m == null) {
        problems.add(
            "the line '"
                + abbreviate(text)
                + "' never reached the group"
                + (text.equals(longText) && heard(seen, shortText)
                    ? " (the line before it did)"
                    : ""));
      } else if (!members.contains(m.id())) {
        problems.add(
            "sent under ID '"
                + m.id()
                + "' instead of "
                + String.join(" or ", members.stream().map(id -> "'" + id + "'").toList())
                + " "
                + Policy.tag("part4.sender-camipro"));
      }
    }
    if (seen.isEmpty()) {
      problems.add(
          NetworkSandbox.inside()
              ? "nothing reached the group"
              : "nothing reached the group on lo (does it send by the loopback interface?)");
    }
    return problems.isEmpty() ? null : String.join("; ", problems) + againNote + g.how();
  }

  /** A sender on the lab's group reading one argument is given the CAMIPRO; none, nothing. */
  private static String[] senderArgs(Bench bench, String camipro) {
    java.nio.file.Path source = Invocation.source(bench, "Part4_Sender");
    return source != null && Invocation.argumentsRead(source) == 1
        ? new String[] {camipro}
        : new String[0];
  }

  private static boolean heard(List<MulticastMessage> seen, String text) {
    return seen.stream().anyMatch(x -> x.text().strip().equals(text));
  }

  /** Listens until two lines more are heard, or for 2 s; adds each new line to {@code seen}. */
  private static void hear(
      List<MulticastChannel> listeners,
      List<MulticastMessage> seen,
      LabEnvironment network,
      java.util.function.Consumer<String> log)
      throws java.io.IOException {
    int wanted = seen.size() + 2;
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (seen.size() < wanted && System.nanoTime() < deadline) {
      for (int i = 0; i < listeners.size(); i++) {
        try {
          MulticastMessage m = listeners.get(i).receive(Duration.ofMillis(100));
          if (seen.stream().anyMatch(x -> x.text().equals(m.text()))) {
            continue; // the same line heard on both hosts
          }
          seen.add(m);
          log.accept(
              "heard '"
                  + abbreviate(m.text().strip())
                  + "' on "
                  + (i == 0 && !network.shared() ? "labhost's " : "pc's ")
                  + listeners.get(i).networkInterface().getName());
        } catch (java.net.SocketTimeoutException e) {
          // keep waiting until the deadline
        }
      }
    }
  }

  /**
   * Sends a list of datagrams to a group again and again (one every 50 ms) until closed, by one
   * interface of the caller's host, from a socket bound to no port of the group and joined to
   * nothing: it never changes what a receiver on that host hears, except the datagrams themselves.
   */
  private static final class GroupFeed implements java.io.Closeable {
    private final java.nio.channels.DatagramChannel out;
    private volatile boolean open = true;

    private GroupFeed(java.nio.channels.DatagramChannel out) {
      this.out = out;
    }

    /** Opens the socket in the caller's namespace and sends on a thread until closed. */
    static GroupFeed start(InetAddress group, int port, String iface, List<byte[]> datagrams)
        throws java.io.IOException {
      var out = java.nio.channels.DatagramChannel.open(java.net.StandardProtocolFamily.INET);
      try {
        out.setOption(
            java.net.StandardSocketOptions.IP_MULTICAST_IF, MulticastChannel.interfaceNamed(iface));
        out.setOption(java.net.StandardSocketOptions.IP_MULTICAST_TTL, 1);
        out.setOption(java.net.StandardSocketOptions.IP_MULTICAST_LOOP, true);
      } catch (java.io.IOException | RuntimeException e) {
        out.close();
        throw e;
      }
      GroupFeed feed = new GroupFeed(out);
      var to = new java.net.InetSocketAddress(group, port);
      // The socket is open: a virtual thread (on a carrier outside this namespace) may use it.
      Thread.ofVirtual().name("part4-feed").start(() -> feed.send(datagrams, to));
      return feed;
    }

    private void send(List<byte[]> datagrams, java.net.InetSocketAddress to) {
      try {
        while (open) {
          for (byte[] d : datagrams) {
            out.send(java.nio.ByteBuffer.wrap(d), to);
            Thread.sleep(50);
          }
        }
      } catch (java.io.IOException | InterruptedException closed) {
        // closed at the end of the check
      }
    }

    @Override
    public void close() throws java.io.IOException {
      open = false;
      out.close();
    }
  }

  /** A channel joined to the group on the interface named {@code iface}, of the caller's host. */
  private static MulticastChannel channel(InetAddress group, int port, String iface)
      throws Exception {
    return MulticastChannel.builder()
        .group(group)
        .port(port)
        .networkInterface(MulticastChannel.interfaceNamed(iface))
        .open()
        .join();
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private static int freeUdpPort() throws Exception {
    try (java.net.DatagramSocket s = new java.net.DatagramSocket(0)) {
      return s.getLocalPort();
    }
  }
}
