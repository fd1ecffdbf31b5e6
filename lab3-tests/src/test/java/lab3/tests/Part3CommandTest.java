package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab3.reset.ResetServer;
import lab3.transport.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ./lab3 part3} and {@code part3-stats} as the graders run them, in process, against the
 * emulator on loopback. The name {@code lab3.test} resolves to both 127.0.0.1 and ::1 through
 * {@code --resolve}, since no name on this machine does.
 */
class Part3CommandTest {
  static final String RESOLVE = "--resolve=lab3.test=127.0.0.1,::1";

  static ResetServer.Builder emulator(Family family) {
    return ResetServer.builder().family(family).loopback(true).port(0);
  }

  static void assertOneLineWithoutStackTrace(String err) {
    assertFalse(err.isBlank());
    assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
  }

  /**
   * The "done when": a name with both addresses, a server on one family that drops half the
   * requests and sends bogus acks from another port; stdout is {@code OFFSET=X} alone, X the offset
   * the server really sent.
   */
  @ParameterizedTest
  @EnumSource(names = {"IPV4", "IPV6"})
  void part3PrintsTheRightOffsetDespiteLossAndBogusAcks(Family family) throws Exception {
    try (ResetServer pmu =
        emulator(family).loss(0.5).bogusAcks(true).random(new Random(5)).build().start()) {
      for (int i = 0; i < 4; i++) {
        CommandRun run =
            CommandRun.of(
                "part3", RESOLVE, "--timeout", "0.2", "lab3.test", String.valueOf(pmu.port()));
        assertEquals(0, run.status(), run.stderr());
        assertEquals("OFFSET=" + pmu.lastOffset().getAsInt() + "\n", run.out());
        assertEquals("", run.stderr());
      }
      assertTrue(pmu.requests() > 4, "some requests were dropped and sent again");
    }
  }

  @Test
  void verboseTellsTheFamilyRoundsAndWhatWasIgnoredOnStderr() throws Exception {
    try (ResetServer pmu = emulator(Family.IPV6).bogusAcks(true).build().start()) {
      CommandRun run =
          CommandRun.of("part3", "-v", RESOLVE, "lab3.test", String.valueOf(pmu.port()));
      assertEquals(0, run.status(), run.stderr());
      assertEquals("OFFSET=" + pmu.lastOffset().getAsInt() + "\n", run.out());
      List<String> lines = run.stderr().lines().toList();
      assertTrue(
          lines.getLast().startsWith("ack over IPv6 from [::1]:" + pmu.port()), run.stderr());
      assertTrue(lines.getLast().contains("1 round (packets)"), run.stderr());
      assertTrue(
          run.stderr().contains("not an address and port the request went to"), run.stderr());
      assertTrue(run.stderr().contains("out of range"), run.stderr());
    }
  }

  /**
   * A server slower than the time-out: it answers the first request only once the second has come
   * (from a port of its own), so the ack answers round 1 although 2 rounds went out. -v says so,
   * measures the round trip from round 1's send, and warns that the offset may not be in force.
   */
  @Test
  void verboseSaysWhichRoundTheAckAnsweredAndWarnsWhenItWasNotTheLast() throws Exception {
    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      Thread slow =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      DatagramPacket first = new DatagramPacket(new byte[64], 64);
                      server.receive(first);
                      DatagramPacket second = new DatagramPacket(new byte[64], 64);
                      server.receive(second);
                      byte[] ack = "OFFSET=9".getBytes(StandardCharsets.US_ASCII);
                      server.send(new DatagramPacket(ack, ack.length, first.getSocketAddress()));
                    } catch (IOException closed) {
                      // the test ended
                    }
                  });
      CommandRun run =
          CommandRun.of(
              "part3",
              "-v",
              "--resolve=lab3.test=127.0.0.1",
              "--timeout",
              "0.2",
              "lab3.test",
              String.valueOf(server.getLocalPort()));
      slow.join();
      assertEquals(0, run.status(), run.stderr());
      assertEquals("OFFSET=9\n", run.out());
      Matcher figures =
          Pattern.compile(
                  "2 rounds \\(packets\\), the ack answered round 1, [0-9.]+ s to the ack,"
                      + " round trip ([0-9.]+) ms")
              .matcher(run.stderr());
      assertTrue(figures.find(), run.stderr());
      assertTrue(
          Double.parseDouble(figures.group(1)) >= 200, "from round 1's send: " + run.stderr());
      assertTrue(
          run.stderr()
              .contains(
                  "part3: warning: the ack answered round 1, not the last one sent (2): the round"
                      + " trip is longer than the time-out, and the server may have applied a later"
                      + " round's RESET after this answer, so the offset in force may not be"
                      + " OFFSET=9\n"),
          run.stderr());
    }
  }

  @Test
  void aClientThatGivesUpExitsOneWithOneLine() throws Exception {
    try (ResetServer pmu = emulator(Family.IPV4).loss(1).build().start()) {
      CommandRun run =
          CommandRun.of(
              "part3",
              "--timeout",
              "0.05",
              "--max-rounds",
              "2",
              "127.0.0.1",
              String.valueOf(pmu.port()));
      assertEquals(1, run.status());
      assertEquals("", run.out());
      assertTrue(
          run.stderr().startsWith("lab3 part3: timed out: no acknowledgement after 2 rounds"),
          run.stderr());
      assertEquals(1, run.stderr().lines().count());
      assertEquals(2, pmu.requests());
    }
  }

  @Test
  void badArgumentsExitTwoWithoutAStackTrace() {
    for (String[] args :
        List.of(
            new String[] {"part3", "127.0.0.1"},
            new String[] {"part3", "127.0.0.1", "port"},
            new String[] {"part3", "127.0.0.1", "70000"},
            new String[] {"part3", "--timeout", "-1", "127.0.0.1", "5004"},
            new String[] {"part3", "--resolve", "x=notanaddress", "x", "5004"},
            new String[] {"part3-stats", "--runs", "0", "127.0.0.1", "5004"},
            new String[] {"serve-reset", "--family", "v5"},
            new String[] {"serve-reset", "--loss", "2"})) {
      CommandRun run = CommandRun.of(args);
      assertEquals(2, run.status(), String.join(" ", args));
      assertEquals("", run.out());
      assertOneLineWithoutStackTrace(run.stderr());
    }
  }

  @Test
  void anUnresolvableHostExitsOneWithOneLine() {
    CommandRun run = CommandRun.of("part3", "--max-rounds", "1", "no-such-host.invalid", "5004");
    assertEquals(1, run.status());
    assertEquals("", run.out());
    assertEquals(1, run.stderr().lines().count(), run.stderr());
    assertTrue(run.stderr().contains("no-such-host.invalid"), run.stderr());
  }

  @Test
  void statsPrintsTheLossEstimateAndWritesOneCsvRowPerRun(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("runs.csv");
    try (ResetServer pmu = emulator(Family.IPV6).loss(0.5).random(new Random(11)).build().start()) {
      CommandRun run =
          CommandRun.of(
              "part3-stats",
              RESOLVE,
              "--runs",
              "40",
              "--timeout",
              "0.02",
              "--csv",
              csv.toString(),
              "lab3.test",
              String.valueOf(pmu.port()));
      assertEquals(0, run.status(), run.stderr());
      String out = run.out();
      assertTrue(out.startsWith("runs              40 (40 acked, 0 gave up)\n"), out);
      assertTrue(out.contains("packets per ack   mean "), out);
      assertTrue(out.contains("maximum-likelihood estimate p = 1 - R/S, R = 40 acks"), out);
      assertTrue(out.contains("95% interval"), out);
      assertTrue(out.contains("Wilson score interval"), out);
      assertTrue(out.contains("acks over IPv4    0 (0%)"), out);
      assertTrue(out.contains("acks over IPv6    40 (100%)"), out);
      assertTrue(out.contains("mean time to ack"), out);
      assertTrue(run.stderr().contains("] 40/40"), run.stderr());

      List<String> rows = Files.readAllLines(csv);
      assertEquals(41, rows.size());
      assertTrue(rows.getFirst().startsWith("run,offset,family,packets"));
      long packets = rows.stream().skip(1).mapToLong(r -> Long.parseLong(r.split(",")[3])).sum();
      assertEquals(pmu.requests(), packets);
      assertTrue(out.contains("S = " + packets + " packets"), out);
    }
  }
}
