package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lab3.apps.Main;
import lab3.pmu.PmuServer;
import lab3.tests.FaultyServer.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults on either side of Part 2. A client that dies in the middle of a session costs the emulator
 * one log line and nothing else; a server that closes, resets or stalls in the middle of an answer
 * makes {@code ./lab3 part2} print what it had, say what went wrong in one line, exit 1, and never
 * hang.
 */
class PmuFaultsTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private static final String ONE = "This is PMU data 1\n";
  private static final String TWO = ONE + "This is PMU data 2\n";

  // --- a client killed mid-session -------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"before the command", "during the pauses", "during a floodme"})
  void clientKilledMidSessionCostsOneLogLineAndTheNextSessionIsServed(String when)
      throws Exception {
    BlockingQueue<String> log = new LinkedBlockingQueue<>();
    try (PmuServer pmu =
        PmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .messages(50)
            .commandTimeout(Duration.ofSeconds(5))
            .log(log::add)
            .build()
            .start()) {
      int localPort;
      try (Socket killed = new Socket("::1", pmu.port())) {
        localPort = killed.getLocalPort();
        InputStream in = killed.getInputStream();
        switch (when) {
          case "during the pauses" -> {
            killed.getOutputStream().write("CMD_short:0.2".getBytes(StandardCharsets.US_ASCII));
            assertTrue(in.read() >= 0, "the first message arrives");
          }
          case "during a floodme" -> {
            killed.setReceiveBufferSize(1024);
            killed.getOutputStream().write("CMD_floodme".getBytes(StandardCharsets.US_ASCII));
            assertTrue(in.read() >= 0, "the text starts");
          }
          default -> {}
        }
        killed.setSoLinger(true, 0); // close() now sends RST: the process died
      }
      String line = log.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertTrue(line != null && line.contains(":" + localPort), "one line about it: " + line);
      assertFalse(line.contains("\n"), line);

      CommandRun next = CommandRun.of("part2", "::1", "" + pmu.port(), "CMD_short:0");
      assertEquals(0, next.status(), next.stderr());
      assertEquals(50, next.out().lines().count());
      String served = log.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertTrue(served != null && served.contains("50 messages"), served);
      assertEquals(List.of(), List.copyOf(log), "nothing more about the killed client");
      assertEquals(0, ProcessResources.awaitAtMost(pmu::activeSessions, 0, PATIENCE));
    }
  }

  // --- a server that fails mid-answer ----------------------------------------------------------

  private static CommandRun part2(FaultyServer server, String command) {
    return assertTimeoutPreemptively(
        PATIENCE,
        () -> CommandRun.of("part2", "--timeout", "1", "::1", "" + server.port(), command));
  }

  private static void assertOneClearLine(CommandRun run, String expected) {
    assertEquals(Main.FAILED, run.status(), run.stderr());
    List<String> lines = run.stderr().lines().toList();
    assertEquals(1, lines.size(), run.stderr());
    assertTrue(lines.getFirst().startsWith("lab3 part2: "), run.stderr());
    assertTrue(lines.getFirst().contains(expected), run.stderr());
  }

  @Test
  void serverClosingInsideAMessagePrintsTheCompleteOnesAndFails() throws IOException {
    try (FaultyServer server =
        new FaultyServer("This is PMU data 1This is PMU data 2This is PMU da", Fault.CLOSE)) {
      CommandRun run = part2(server, "CMD_short:0");
      assertEquals(TWO, run.out());
      assertOneClearLine(run, "This is PMU da");
    }
  }

  @Test
  void serverResettingMidAnswerPrintsWhatArrivedAndFails() throws IOException {
    try (FaultyServer server =
        new FaultyServer("This is PMU data 1This is PMU data 2", Fault.RESET)) {
      CommandRun run = part2(server, "CMD_short:0");
      // Data the kernel had not handed over when the RST came is lost: a prefix of the answer.
      assertTrue(TWO.startsWith(run.out()), run.out());
      assertOneClearLine(run, "reset");
    }
  }

  @Test
  void serverStallingBetweenMessagesTimesOutWithTheMessagesSoFar() throws IOException {
    try (FaultyServer server = new FaultyServer("This is PMU data 1", Fault.STALL)) {
      CommandRun run = part2(server, "CMD_short:0");
      assertEquals(ONE, run.out());
      // What was waited for, how long, and what had arrived:
      assertOneClearLine(
          run,
          "timed out: no data from [::1]:" + server.port() + " for 1 s after 1 message (18 bytes)");
    }
  }

  @Test
  void serverStallingInsideAMessageTimesOut() throws IOException {
    try (FaultyServer server = new FaultyServer("This is PMU data 1This is PM", Fault.STALL)) {
      CommandRun run = part2(server, "CMD_short:0");
      assertEquals(ONE, run.out());
      assertOneClearLine(run, "for 1 s after 1 message (28 bytes)");
    }
  }

  @Test
  void serverStallingInTheMiddleOfAFloodPrintsTheTextSoFar() throws IOException {
    try (FaultyServer server = new FaultyServer("Two households, both alike", Fault.STALL)) {
      CommandRun run = part2(server, "CMD_floodme");
      assertEquals("Two households, both alike", run.out());
      assertOneClearLine(run, "for 1 s after 0 messages (26 bytes)");
    }
  }

  @Test
  void serverSendingGarbageIsAProtocolErrorAfterTheGoodMessages() throws IOException {
    try (FaultyServer server =
        new FaultyServer("This is PMU data 1<html>503</html>", Fault.CLOSE)) {
      CommandRun run = part2(server, "CMD_short:0");
      assertEquals(ONE, run.out());
      assertOneClearLine(run, "protocol error");
    }
  }
}
