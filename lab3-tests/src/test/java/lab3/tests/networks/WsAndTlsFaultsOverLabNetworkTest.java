package lab3.tests.networks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab3.netlab.LabNetwork;
import lab3.pmu.FloodText;
import lab3.pmu.PmuServer;
import lab3.tests.CommandRun;
import lab3.ws.WsPmuServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parts 5 and 6 on a bad lab network, as {@code FaultsOverLabNetworkTest} does for Parts 2 and 3:
 * 30% loss with reordering each way (the output byte for byte what the server sent), and the link
 * cut in the middle of a transfer (what came is kept, then one printable line on stderr and exit 1
 * within the command's time-out; never a hang). The PDCs run as JVMs of their own on pc, the
 * servers on labhost.
 */
class WsAndTlsFaultsOverLabNetworkTest {
  private static final FloodText FLOOD = FloodText.generated(64 * 1024);
  private static final Duration PMU_SESSION = Duration.ofSeconds(20); // 20 messages, d = 1

  @TempDir static Path pki;

  @BeforeAll
  static void makeACertificateForTheLabHostsName() {
    Part6Suite.makeCertificate(pki, "tcpip.lab");
  }

  private static TestNetwork lossy(String name) throws Exception {
    return TestNetwork.lab(
        LabNetwork.builder()
            .name(name)
            .delay(Duration.ofMillis(2))
            .loss(0.3)
            .reorder(0.1)
            .seed(56));
  }

  private static TestNetwork clean(String name) throws Exception {
    return TestNetwork.lab(LabNetwork.builder().name(name));
  }

  private static WsPmuServer wsPmu(TestNetwork network) throws Exception {
    return network.onServer(
        () ->
            WsPmuServer.builder()
                .bindAddress(network.serverAnyAddress())
                .port(0)
                .messages(20)
                .floodText(FLOOD)
                .build()
                .start());
  }

  private static PmuServer tlsPmu(TestNetwork network) throws Exception {
    return network.onServer(
        () ->
            PmuServer.builder()
                .tls(pki.resolve("cert.pem"), pki.resolve("key.pem"))
                .bindAddress(network.serverAnyAddress())
                .port(0)
                .messages(20)
                .floodText(FLOOD)
                .build()
                .start());
  }

  private static List<String> part5(TestNetwork network, int port, String command) {
    return List.of(
        "part5", "--timeout", "2", network.serverName(), Integer.toString(port), command);
  }

  private static List<String> part6(int port, String command) {
    return List.of(
        "part6-pdc",
        command,
        pki.resolve("ca/cacert.pem").toString(),
        "--server",
        "tcpip.lab",
        "--port",
        Integer.toString(port),
        "--timeout",
        "2");
  }

  private static byte[] floodmePrinted() {
    byte[] text = FLOOD.bytes();
    byte[] printed = java.util.Arrays.copyOf(text, text.length + 1);
    printed[text.length] = '\n';
    return printed;
  }

  /**
   * Runs the PDC for 20 messages and for floodme: each output is what the server sent, byte for
   * byte, or (TCP's retransmission time-out doubles at each loss of the same segment, so at 30%
   * loss each way a stall past the PDC's time-out happens now and then) a prefix of it, exit 1 and
   * one printable line on stderr. Never other bytes, never a hang.
   */
  private static void byteExactOrOneClearLine(
      TestNetwork network, List<String> shortArgs, List<String> floodArgs) throws Exception {
    exactOrClearError(
        network.lab3(shortArgs.toArray(String[]::new)),
        NetworkSuite.TWENTY_LINES.getBytes(StandardCharsets.UTF_8));
    exactOrClearError(network.lab3(floodArgs.toArray(String[]::new)), floodmePrinted());
  }

  private static void exactOrClearError(CommandRun run, byte[] expected) {
    System.out.println(
        "status "
            + run.status()
            + ", "
            + run.stdout().length
            + " of "
            + expected.length
            + " bytes; "
            + run.stderr());
    if (run.status() == 0) {
      assertArrayEquals(expected, run.stdout(), run.stderr());
      return;
    }
    assertEquals(1, run.status(), run.stderr());
    assertArrayEquals(
        java.util.Arrays.copyOf(expected, Math.min(expected.length, run.stdout().length)),
        run.stdout(),
        "what was printed before the error is what the server sent");
    assertOnePrintableLine(run.stderr());
  }

  private static void assertOnePrintableLine(String err) {
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c != 0x7f)), err);
  }

  @Test
  void part5IsByteExactOrSaysWhyOverThirtyPercentLossAndReordering() throws Exception {
    try (TestNetwork network = lossy("f16-loss5");
        WsPmuServer pmu = wsPmu(network)) {
      byteExactOrOneClearLine(
          network,
          timeout20(part5(network, pmu.port(), "CMD_short:0")),
          timeout20(part5(network, pmu.port(), "CMD_floodme")));
    }
  }

  @Test
  void part6PdcIsByteExactOrSaysWhyOverThirtyPercentLossAndReordering() throws Exception {
    try (TestNetwork network = lossy("f16-loss6");
        PmuServer pmu = tlsPmu(network)) {
      byteExactOrOneClearLine(
          network,
          timeout20(part6(pmu.port(), "CMD_short:0")),
          timeout20(part6(pmu.port(), "CMD_floodme")));
    }
  }

  @Test
  void part5WhenTheLinkIsCutMidTransferKeepsWhatCameAndSaysSoWithinItsTimeOut() throws Exception {
    try (TestNetwork network = clean("f16-cut5");
        WsPmuServer pmu = wsPmu(network)) {
      cutAfterTwoMessages(network, part5(network, pmu.port(), "CMD_short:1"));
    }
  }

  @Test
  void part6PdcWhenTheLinkIsCutMidTransferKeepsWhatCameAndSaysSoWithinItsTimeOut()
      throws Exception {
    try (TestNetwork network = clean("f16-cut6");
        PmuServer pmu = tlsPmu(network)) {
      cutAfterTwoMessages(network, part6(pmu.port(), "CMD_short:1"));
    }
  }

  /** The same command line with a time-out that 30% loss seldom reaches (TCP backs off). */
  private static List<String> timeout20(List<String> args) {
    List<String> longer = new ArrayList<>(args);
    longer.set(longer.indexOf("--timeout") + 1, "20");
    return longer;
  }

  /**
   * Starts the PDC on pc, cuts the link once it printed two lines (the signal: its stdout), and
   * requires the two lines kept, exit 1 and one printable line on stderr before the PMU's session
   * would have ended by itself.
   */
  private static void cutAfterTwoMessages(TestNetwork network, List<String> args) throws Exception {
    long start = System.nanoTime();
    Process pdc = network.environment().clientCommand(TestNetwork.lab3Argv(args)).start();
    pdc.getOutputStream().close();
    CompletableFuture<String> stderr =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(pdc.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (java.io.IOException e) {
                return "(stderr unreadable: " + e + ")";
              }
            });
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(pdc.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
        if (lines.size() == 2) {
          network.labNetwork().linkDown();
        }
      }
    } finally {
      if (!pdc.waitFor(PMU_SESSION.toSeconds(), TimeUnit.SECONDS)) {
        pdc.destroyForcibly();
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String err = stderr.get(10, TimeUnit.SECONDS);
    System.out.println(
        args.getFirst() + ", link cut after 2 messages: " + took.toMillis() + " ms: " + err);
    assertTrue(took.compareTo(PMU_SESSION) < 0, "ended before the PMU's 20 s: " + took);
    assertEquals(1, pdc.exitValue(), err);
    assertEquals(List.of("This is PMU data 1", "This is PMU data 2"), lines.subList(0, 2));
    assertEquals(2, lines.size(), "nothing crossed after the cut: " + lines);
    assertOnePrintableLine(err);
  }
}
