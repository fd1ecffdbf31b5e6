package lab3.apps.grade;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import lab3.apps.report.ReportNetwork;
import lab3.multicast.MulticastChannel;
import lab3.multicast.MulticastMessage;
import lab3.multicast.TvProgram;

/**
 * Part 4 on the loopback interface only (TTL 1): the receiver must print what the TV program sends;
 * the sender's lines must reach the group under its CAMIPRO, and a long one draws the program's
 * answer.
 *
 * <p>In the bench's network namespace ({@link NetworkSandbox}), {@code lo} is the only interface:
 * programs written for the lab's Wi-Fi work as they are. On the host's loopback, a sender must send
 * by 127.0.0.1 ({@code IP_MULTICAST_IF}), or its datagrams go out by the default route and never
 * reach the group on {@code lo}. A receiver that joins with {@code INADDR_ANY} hears the program
 * either way: the TV program joins the group on {@code lo} itself (to hear the subscribers), and
 * Linux delivers a group's datagrams to every socket bound to the port ({@code IP_MULTICAST_ALL}).
 *
 * <p>On the lab network the TV program and the group's listener run on {@code labhost}, on its
 * {@code eth0}, and the hand-in's programs on {@code pc}. A receiver that joins with {@code
 * INADDR_ANY} (or names {@code eth0}) hears the program from labhost, as on the lab's Wi-Fi. The
 * same tolerance as on loopback holds, so that a hand-in graded here gets the grade it gets in the
 * sandbox, whose only interface is {@code lo}: the bench relays the group from pc's {@code eth0} to
 * pc's {@code lo} (a one-way multicast router of two sockets), so a receiver written for the
 * bench's {@code lo} (as {@code ./lab3 part4-receiver} is by default, or a Python one that joins on
 * 127.0.0.1) hears the program too. Without it such a receiver hears nothing here: the JDK turns
 * {@code IP_MULTICAST_ALL} off, so a Java socket joined on {@code lo} is given no datagram that
 * came in by {@code eth0}. Likewise the sender's lines are listened for on labhost's {@code eth0}
 * and on pc's {@code lo}, where a sender that names 127.0.0.1 (or {@code ./lab3 part4-sender} by
 * default) sends them. With {@code -v} the bench says where each line was heard.
 */
final class Part4Checks {
  private static final int SCRIPT_LINES_NEEDED = 3;

  private Part4Checks() {}

  static List<Check> all() {
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

  private static String receiver(Bench bench) throws Exception {
    InetAddress group = randomGroup();
    int port = freeUdpPort();
    List<String> script =
        List.of(
            "Two households, both alike in dignity,",
            "In fair Verona, where we lay our scene,",
            "From ancient grudge break to new mutiny,",
            "Where civil blood makes civil hands unclean.");
    ReportNetwork network = bench.network();
    if (!network.shared()) {
      // Joined on pc's eth0, so that eth0 takes the group's datagrams in, and relayed to pc's lo.
      bench.track(bench.onClient(() -> LoRelay.start(group, port, network.captureInterface())));
    }
    ProcessRunner.Running program =
        bench.start("Part4_Receiver", group.getHostAddress(), "" + port);
    bench.track(
        bench.onServer(
            () ->
                TvProgram.builder()
                    .group(group)
                    .port(port)
                    .networkInterface(MulticastChannel.interfaceNamed(network.serverInterface()))
                    .interval(Duration.ofMillis(100))
                    .script(script)
                    .log(bench.emulatorLog("TV program"))
                    .build()
                    .start()));
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
    return "printed "
        + seen
        + " of the program's lines within "
        + bench.limit().toSeconds()
        + " s"
        + (r.exit() > 0 ? " (exited with status " + r.exit() + ")" : "")
        + (first.isEmpty() ? ", nothing at all" : "; first line: '" + first + "'");
  }

  private static int linesSeen(String output, List<String> script) {
    return (int) script.stream().filter(output::contains).count();
  }

  private static String sender(Bench bench) throws Exception {
    InetAddress group = randomGroup();
    int port = freeUdpPort();
    String camipro = bench.camipro1();
    String shortText = "Lovely balcony scene tonight!";
    String longText = "O Romeo, Romeo! wherefore art thou Romeo? ".repeat(8).strip();
    ReportNetwork network = bench.network();
    // The group's listener on the server's host; on the lab network also one on pc's lo.
    List<MulticastChannel> listeners = new ArrayList<>();
    listeners.add(
        bench.track(bench.onServer(() -> channel(group, port, network.serverInterface()))));
    if (!network.shared()) {
      listeners.add(bench.track(bench.onClient(() -> channel(group, port, "lo"))));
    }
    byte[] stdin = (shortText + "\n" + longText + "\n").getBytes(StandardCharsets.UTF_8);
    ProcessRunner.Result r =
        bench.run("Part4_Sender", stdin, group.getHostAddress(), "" + port, camipro);
    List<MulticastMessage> seen = new ArrayList<>();
    java.util.function.Consumer<String> log = bench.log("the group's listeners");
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (seen.size() < 2 && System.nanoTime() < deadline) {
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
    if (r.timedOut()) {
      return "did not end at the end of its input within " + bench.limit().toSeconds() + " s";
    }
    List<String> problems = new ArrayList<>();
    for (String text : List.of(shortText, longText)) {
      MulticastMessage m =
          seen.stream().filter(x -> x.text().strip().equals(text)).findFirst().orElse(null);
      if (m == null) {
        problems.add("the line '" + abbreviate(text) + "' never reached the group");
      } else if (!m.id().equals(camipro)) {
        problems.add("sent under ID '" + m.id() + "' instead of '" + camipro + "'");
      }
    }
    if (seen.isEmpty()) {
      problems.add(
          NetworkSandbox.inside()
              ? "nothing reached the group"
              : "nothing reached the group on lo (does it send by the loopback interface?)");
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  /**
   * Relays a group's datagrams from one interface of the caller's host to its {@code lo}: one
   * socket joined on the interface receives them, another sends them on by {@code lo}. Neither
   * hears the other's datagrams (each is joined on, or sends by, an interface the other does not).
   */
  private static final class LoRelay implements java.io.Closeable {
    private final java.nio.channels.DatagramChannel in;
    private final java.nio.channels.DatagramChannel out;
    private final java.net.InetSocketAddress to;

    private LoRelay(
        java.nio.channels.DatagramChannel in,
        java.nio.channels.DatagramChannel out,
        java.net.InetSocketAddress to) {
      this.in = in;
      this.out = out;
      this.to = to;
    }

    /** Opens both sockets in the caller's namespace and relays on a thread until closed. */
    static LoRelay start(InetAddress group, int port, String iface) throws java.io.IOException {
      var family = java.net.StandardProtocolFamily.INET;
      var in = java.nio.channels.DatagramChannel.open(family);
      var out = java.nio.channels.DatagramChannel.open(family);
      try {
        in.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
        in.bind(new java.net.InetSocketAddress(port));
        in.join(group, MulticastChannel.interfaceNamed(iface));
        out.setOption(
            java.net.StandardSocketOptions.IP_MULTICAST_IF, MulticastChannel.interfaceNamed("lo"));
        out.setOption(java.net.StandardSocketOptions.IP_MULTICAST_TTL, 1);
        out.setOption(java.net.StandardSocketOptions.IP_MULTICAST_LOOP, true);
      } catch (java.io.IOException | RuntimeException e) {
        in.close();
        out.close();
        throw e;
      }
      LoRelay relay = new LoRelay(in, out, new java.net.InetSocketAddress(group, port));
      // The sockets are open: a virtual thread (on a carrier outside this namespace) may use them.
      Thread.ofVirtual().name("part4-relay").start(relay::relay);
      return relay;
    }

    private void relay() {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(65_536);
      try {
        while (true) {
          buffer.clear();
          in.receive(buffer);
          buffer.flip();
          out.send(buffer, to);
        }
      } catch (java.io.IOException closed) {
        // closed at the end of the check
      }
    }

    @Override
    public void close() throws java.io.IOException {
      in.close();
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
