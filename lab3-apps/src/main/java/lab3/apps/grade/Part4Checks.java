package lab3.apps.grade;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
    ProcessRunner.Running program =
        bench.start("Part4_Receiver", group.getHostAddress(), "" + port);
    bench.track(
        Bench.harness(
            () ->
                TvProgram.builder()
                    .group(group)
                    .port(port)
                    .networkInterface(MulticastChannel.loopbackInterface())
                    .interval(Duration.ofMillis(100))
                    .script(script)
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
    try (MulticastChannel listener =
        Bench.harness(
            () ->
                MulticastChannel.builder()
                    .group(group)
                    .port(port)
                    .networkInterface(MulticastChannel.loopbackInterface())
                    .open()
                    .join())) {
      byte[] stdin = (shortText + "\n" + longText + "\n").getBytes(StandardCharsets.UTF_8);
      ProcessRunner.Result r =
          bench.run("Part4_Sender", stdin, group.getHostAddress(), "" + port, camipro);
      List<MulticastMessage> seen = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (seen.size() < 2 && System.nanoTime() < deadline) {
        try {
          seen.add(listener.receive(Duration.ofMillis(200)));
        } catch (java.net.SocketTimeoutException e) {
          // keep waiting until the deadline
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
