package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab3.apps.Main;
import lab3.netlab.LabNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * serve-tv and part4-receiver on an interface that is removed and made again under the same name (a
 * veth pair, in a network namespace of this test's own: never the machine's interfaces), and
 * serve-tv with an IPv6 group on {@code lo}, which Linux gives no IPv6 multicast route. Both
 * programs run as processes inside the namespace ({@code ip netns exec}), so that they see its
 * interfaces.
 */
class MulticastRecoveryTest {
  private static final String NS = "rel16-mc-" + ProcessHandle.current().pid();
  private static final String LINK = "rel16v0";
  private static final String GROUP = "ff15::16";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static boolean made;

  @BeforeAll
  static void makeTheNamespace() throws Exception {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no network namespaces here: " + LabNetwork.unavailableReason().orElseThrow());
    ip("netns", "add", NS);
    made = true;
    inNs("ip", "link", "set", "lo", "up");
    makeTheLink();
  }

  @AfterAll
  static void removeTheNamespace() throws Exception {
    if (made) {
      ip("netns", "del", NS);
    }
  }

  /** The veth pair, up, with an address of the lab's ranges on our end. */
  private static void makeTheLink() throws Exception {
    inNs("ip", "link", "add", LINK, "type", "veth", "peer", "name", "rel16v1");
    inNs("ip", "link", "set", LINK, "multicast", "on", "up");
    inNs("ip", "link", "set", "rel16v1", "up");
    inNs("ip", "-6", "addr", "add", "fd1a:b3d0:c3e0:16::1/64", "dev", LINK, "nodad");
  }

  private static void ip(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    run(command);
  }

  private static void inNs(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", NS));
    command.addAll(List.of(args));
    run(command);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), command + ": " + output);
  }

  private static ChildJvm lab3(String... args) throws IOException {
    return new ChildJvm(List.of("ip", "netns", "exec", NS), Main.class, args);
  }

  private static long count(List<String> lines, String part) {
    return lines.stream().filter(line -> line.contains(part)).count();
  }

  /** Waits until {@code lines} has more than {@code than} lines; polled, with a deadline. */
  private static void awaitMoreLines(Lines lines, int than) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (lines.lines().size() <= than) {
      assertTrue(System.nanoTime() < deadline, "no new line within " + PATIENCE);
      Thread.sleep(20);
    }
  }

  @Test
  void bothNoticeTheInterfaceMadeAgainRejoinAndTheFailuresInBetweenCostAFewLines()
      throws Exception {
    try (ChildJvm tv =
            lab3("serve-tv", "--group", GROUP, "--interface", LINK, "--interval", "0.05");
        ChildJvm receiver = lab3("part4-receiver", "-v", GROUP, "5005", "--interface", LINK)) {
      receiver.out().await(line -> line.startsWith("swcmTV: "), PATIENCE);

      inNs("ip", "link", "del", LINK); // its peer goes with it
      receiver.err().await(line -> line.contains("waiting for it to come back"), PATIENCE);
      tv.err().await(line -> line.contains("send failed: "), PATIENCE);
      // 10 failed sends (0.5 s) at least, so that a line per failure would show
      tv.err().await(line -> line.startsWith("10 times in a row: "), PATIENCE);

      makeTheLink();
      tv.err().await(line -> line.contains(LINK + " was removed and made again: joined"), PATIENCE);
      receiver.err().await(line -> line.contains(LINK + " was made again: joined"), PATIENCE);
      int before = receiver.out().lines().size();
      awaitMoreLines(receiver.out(), before);

      List<String> tvLog = tv.err().lines();
      assertTrue(
          // a streak costs its first line, "10 times", maybe "100 times", and its end; a second
          // streak may start while the new link is not yet up
          count(tvLog, "send failed: ") <= 6,
          "the failures of one streak cost a few lines, not one each: " + tvLog);
      assertTrue(
          tvLog.stream().anyMatch(line -> line.matches("the last failure happened \\d+ times .*")),
          tvLog.toString());
      assertEquals(
          1,
          count(receiver.err().lines(), "waiting for it to come back"),
          receiver.err().lines().toString());
    }
  }

  @Test
  void anIpv6GroupOnLoopbackGetsOneLineSayingWhatToDo() throws Exception {
    try (ChildJvm tv = lab3("serve-tv", "--group", GROUP, "--interval", "0.02")) {
      String first = tv.err().await(line -> line.contains("cannot send to"), PATIENCE);
      assertTrue(
          first.endsWith(
              "(lo has no IPv6 multicast route; as root: ip -6 route add multicast ff00::/8 dev lo"
                  + " table local; or use 224.1.1.1)"),
          first);
      tv.err().await(line -> line.startsWith("10 times in a row: "), PATIENCE);
      assertEquals(2, count(tv.err().lines(), "cannot send to"), tv.err().lines().toString());
    }
  }
}
