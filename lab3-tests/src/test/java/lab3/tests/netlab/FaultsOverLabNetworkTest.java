package lab3.tests.netlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lab3.apps.Main;
import lab3.apps.cli.Io;
import lab3.netlab.Host;
import lab3.netlab.LabNetwork;
import lab3.pmu.FloodText;
import lab3.pmu.PmuServer;
import lab3.reset.ResetServer;
import lab3.tests.CommandRun;
import org.junit.jupiter.api.Test;

/**
 * The PDCs on a bad lab network: 30% loss with reordering each way, and the link cut in the middle
 * of a transfer ({@link LabNetwork#linkDown()}: an nftables drop on both hosts' {@code eth0}; like
 * a cable pulled, neither end notices). The output is byte for byte what the server sent, or one
 * clear line on stderr and exit 1 within the command's time-out; never a hang.
 */
class FaultsOverLabNetworkTest {

  private static LabNetwork lossy(String name) throws IOException {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
    LabNetwork lab =
        LabNetwork.builder()
            .name(name)
            .delay(Duration.ofMillis(2))
            .loss(0.3)
            .reorder(0.1)
            .seed(16)
            .start();
    assertFalse(lab.impairments().mechanisms().isEmpty(), lab.describe());
    return lab;
  }

  private static LabNetwork clean(String name) throws IOException {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
    return LabNetwork.builder().name(name).start();
  }

  /** Cuts the link ({@link LabNetwork#linkDown()}): nothing crosses, nobody is told. */
  static void cut(LabNetwork lab) throws IOException {
    lab.linkDown();
  }

  /** Loads an nft ruleset inside {@code host}'s namespace. */
  static void nft(Host host, String ruleset) throws IOException, InterruptedException {
    Process nft = host.command(List.of("nft", "-f", "-")).redirectErrorStream(true).start();
    nft.getOutputStream().write(ruleset.getBytes(StandardCharsets.US_ASCII));
    nft.getOutputStream().close();
    String output = new String(nft.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, nft.waitFor(), "nft: " + output);
  }

  private static String messages(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> "This is PMU data " + i + "\n")
        .collect(Collectors.joining());
  }

  @Test
  void part2IsByteExactOverThirtyPercentLossAndReordering() throws Exception {
    FloodText flood = FloodText.generated(64 * 1024);
    try (LabNetwork lab = lossy("rel16-loss2");
        PmuServer pmu =
            lab.labhost()
                .call(
                    () ->
                        PmuServer.builder()
                            .port(5003)
                            .messages(20)
                            .floodText(flood)
                            .build()
                            .start())) {
      String server = lab.labhost().ipv6().getHostAddress();
      CommandRun shortRun =
          lab.pc()
              .call(() -> CommandRun.of("part2", "--timeout", "60", server, "5003", "CMD_short:0"));
      assertEquals(0, shortRun.status(), shortRun.stderr());
      assertEquals(messages(20), shortRun.out());
      CommandRun floodRun =
          lab.pc()
              .call(() -> CommandRun.of("part2", "--timeout", "60", server, "5003", "CMD_floodme"));
      assertEquals(0, floodRun.status(), floodRun.stderr());
      byte[] expected =
          (new String(flood.bytes(), StandardCharsets.UTF_8) + "\n")
              .getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(expected, floodRun.stdout());
    }
  }

  @Test
  void part3PrintsTheOffsetTheServerSentOverThirtyPercentLoss() throws Exception {
    try (LabNetwork lab = lossy("rel16-loss3");
        ResetServer reset =
            lab.labhost().call(() -> ResetServer.builder().port(5004).build().start())) {
      String server = lab.labhost().ipv4().getHostAddress();
      for (int i = 0; i < 3; i++) {
        int before = reset.offsetsSent().size();
        CommandRun run =
            lab.pc().call(() -> CommandRun.of("part3", "--timeout", "0.3", server, "5004"));
        assertEquals(0, run.status(), run.stderr());
        // Any ack of this round may be the one that arrived: a late ack of a first try can beat
        // the answer to the retransmission (which the link may drop).
        List<Integer> sent = reset.offsetsSent();
        List<Integer> acked = sent.subList(before, sent.size());
        assertTrue(
            acked.stream().anyMatch(x -> run.out().equals("OFFSET=" + x + "\n")),
            () -> "printed " + run.out().strip() + ", the server acked " + acked);
      }
    }
  }

  /**
   * part2 with a PMU that sends a message a second; the link is cut once two have arrived (the test
   * watches part2's stdout). part2 keeps the two lines and ends with one line on stderr when its
   * time-out (2 s beyond d = 1 s) passes.
   */
  @Test
  void part2WhenTheLinkIsCutMidTransferKeepsWhatCameAndSaysSoWithinItsTimeOut() throws Exception {
    try (LabNetwork lab = clean("rel16-cut2");
        PmuServer pmu =
            lab.labhost().call(() -> PmuServer.builder().port(5003).messages(20).build().start())) {
      String server = lab.labhost().ipv4().getHostAddress();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      OutputStream cutAfterTwoLines =
          new OutputStream() {
            int lines;

            @Override
            public void write(int b) throws IOException {
              out.write(b);
              if (b == '\n' && ++lines == 2) {
                cut(lab);
              }
            }
          };
      Io io =
          new Io(
              new ByteArrayInputStream(new byte[0]),
              new PrintStream(cutAfterTwoLines, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      long start = System.nanoTime();
      int status =
          lab.pc()
              .call(
                  () ->
                      Main.run(
                          new String[] {"part2", "--timeout", "2", server, "5003", "CMD_short:1"},
                          io));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String stderr = err.toString(StandardCharsets.UTF_8);
      System.out.println("part2, link cut after 2 messages: " + took.toMillis() + " ms: " + stderr);
      assertEquals(1, status, stderr);
      assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(messages(2)), out::toString);
      assertEquals(1, stderr.lines().count(), stderr);
      assertTrue(
          stderr.contains("timed out: no data from " + server + ":5003 for 3 s after "), stderr);
      assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "returned before the PMU's 20 s");
    }
  }

  /**
   * The case: 700 ms each way and the lab's 1 s time-out. Round 2 goes out before round 1's
   * ack (sent at 0.7 s) arrives at 1.4 s; part3 says that the ack answered an earlier round than
   * the last, gives its real round trip (at least the 1.4 s the link takes, not the 0.4 s since the
   * last round), and warns.
   */
  @Test
  void part3OnALinkSlowerThanItsTimeOutNamesTheRoundTheAckAnswered() throws Exception {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
    try (LabNetwork lab =
            LabNetwork.builder().name("rel16-slow3").delay(Duration.ofMillis(700)).start();
        ResetServer reset =
            lab.labhost().call(() -> ResetServer.builder().port(5004).build().start())) {
      String server = lab.labhost().ipv4().getHostAddress();
      CommandRun run = lab.pc().call(() -> CommandRun.of("part3", "-v", server, "5004"));
      System.out.println("part3 with 700 ms each way: " + run.stderr());
      assertEquals(0, run.status(), run.stderr());
      // Which earlier round depends on the first exchange's ARP, which crosses the slow link too.
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile(
                  "(\\d+) rounds \\(packets\\), the ack answered round (\\d+), [0-9.]+ s to the"
                      + " ack, round trip ([0-9.]+) ms")
              .matcher(run.stderr());
      assertTrue(m.find(), run.stderr());
      int answered = Integer.parseInt(m.group(2));
      assertTrue(answered < Integer.parseInt(m.group(1)), "an earlier round: " + run.stderr());
      assertTrue(
          Double.parseDouble(m.group(3)) >= 1400, "the link alone takes 1.4 s: " + run.stderr());
      assertTrue(
          run.stderr()
              .contains("part3: warning: the ack answered round " + answered + ", not the last"),
          run.stderr());
    }
  }

  @Test
  void part3AcrossACutLinkGivesUpWithOneLine() throws Exception {
    try (LabNetwork lab = clean("rel16-cut3");
        ResetServer reset =
            lab.labhost().call(() -> ResetServer.builder().port(5004).build().start())) {
      cut(lab);
      String server = lab.labhost().ipv4().getHostAddress();
      CommandRun run =
          lab.pc()
              .call(
                  () ->
                      CommandRun.of(
                          "part3", "--timeout", "0.3", "--max-rounds", "3", server, "5004"));
      assertEquals(1, run.status(), run.stderr());
      assertEquals("", run.out());
      assertEquals(1, run.stderr().lines().count(), run.stderr());
      assertFalse(reset.lastOffset().isPresent(), "no request crossed");
    }
  }
}
