package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lab3.pmu.FloodText;
import lab3.pmu.PmuServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ./lab3 part2 <server> <port> <command>}: the graders' command line and its stdout. */
class Part2CommandTest {
  private static PmuServer pmu;

  @BeforeAll
  static void start() throws IOException {
    pmu =
        PmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .messages(25)
            .build()
            .start();
  }

  @AfterAll
  static void stop() throws IOException {
    pmu.close();
  }

  static String lines(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> "This is PMU data " + i + "\n")
        .collect(Collectors.joining());
  }

  @Test
  void shortPrintsExactlyTheMessagesOnePerLine() {
    CommandRun run = CommandRun.of("part2", "::1", "" + pmu.port(), "CMD_short:0");
    assertEquals(0, run.status(), run.stderr());
    assertEquals(lines(25), run.out());
    assertEquals("", run.stderr(), "nothing on stderr without -v");
  }

  @Test
  void verboseReportsCountsOnStderrOnly() {
    CommandRun run = CommandRun.of("part2", "-v", "::1", "" + pmu.port(), "CMD_short:0");
    assertEquals(lines(25), run.out());
    assertTrue(run.stderr().contains("25 messages"), run.stderr());
    assertTrue(run.stderr().contains("read() calls"), run.stderr());
  }

  @Test
  void ipv4ServerIsReachedFromTheIpv6Socket() throws IOException {
    try (PmuServer v4 =
        PmuServer.builder()
            .bindAddress(InetAddress.getByName("127.0.0.1"))
            .port(0)
            .messages(3)
            .build()
            .start()) {
      CommandRun run = CommandRun.of("part2", "localhost", "" + v4.port(), "CMD_short:0");
      assertEquals(lines(3), run.out(), run.stderr());
    }
  }

  @Test
  void resolveGivesANameItsAddressesAndVerboseShowsEachAttempt() throws IOException {
    try (PmuServer v4 =
        PmuServer.builder()
            .bindAddress(InetAddress.getByName("127.0.0.1"))
            .port(0)
            .messages(3)
            .build()
            .start()) {
      int port = v4.port();
      CommandRun run =
          CommandRun.of(
              "part2",
              "-v",
              "--resolve",
              "dual.test=127.0.0.1,[::1]",
              "dual.test",
              "" + port,
              "CMD_short:0");
      assertEquals(lines(3), run.out(), run.stderr());
      // IPv6 first; nothing listens on [::1] at this port, so IPv4 starts at once.
      assertTrue(
          run.stderr()
              .matches(
                  "(?s)connect dual\\.test:"
                      + port
                      + ": attempt 1, \\[::1]:"
                      + port
                      + " started at \\d+ ms\n"
                      + "connect dual\\.test:\\d+: attempt 1, \\S+ failed \\(Connection refused\\) at .*\n"
                      + "connect dual\\.test:\\d+: attempt 2, 127\\.0\\.0\\.1:\\d+ \\(as ::ffff:127.0.0.1"
                      + " on the IPv6 socket\\) started at .*\n"
                      + "connect dual\\.test:\\d+: attempt 2, 127\\.0\\.0\\.1:\\d+ connected at .*"),
          run.stderr());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dual.test", "dual.test=", "=::1", "dual.test=::1,not-an-address"})
  void malformedResolveIsAUsageError(String value) {
    CommandRun run = CommandRun.of("part2", "--resolve", value, "dual.test", "5003", "CMD_short:0");
    assertEquals(2, run.status(), run.stderr());
    assertTrue(run.stderr().contains("--resolve"), run.stderr());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void messagesCutAtArbitraryBoundariesWithPausesPrintTheSame(long seed) throws IOException {
    byte[] answer =
        IntStream.rangeClosed(1, 120)
            .mapToObj(i -> "This is PMU data " + i)
            .collect(Collectors.joining())
            .getBytes(StandardCharsets.US_ASCII);
    try (ChoppingServer server = new ChoppingServer(answer, seed)) {
      CommandRun run = CommandRun.of("part2", "::1", "" + server.port(), "CMD_short:0");
      assertEquals(0, run.status(), run.stderr());
      assertEquals(lines(120), run.out());
    }
  }

  @Test
  void floodmeOutputIsByteIdenticalWithMultiByteCharactersCut() throws IOException {
    byte[] text = FloodText.builtIn().bytes();
    try (ChoppingServer server = new ChoppingServer(text, 42)) {
      CommandRun run = CommandRun.of("part2", "::1", "" + server.port(), "CMD_floodme");
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      expected.writeBytes(text);
      expected.write('\n');
      assertArrayEquals(expected.toByteArray(), run.stdout());
    }
  }

  @Test
  void truncatedAnswerPrintsWhatArrivedAndFailsWithOneLine() throws IOException {
    byte[] answer =
        "This is PMU data 1This is PMU data 2This is PM".getBytes(StandardCharsets.US_ASCII);
    try (ChoppingServer server = new ChoppingServer(answer, 1)) {
      CommandRun run = CommandRun.of("part2", "::1", "" + server.port(), "CMD_short:0");
      assertEquals(1, run.status());
      assertEquals(lines(2), run.out());
      assertEquals(1, run.stderr().lines().count(), run.stderr());
      assertTrue(run.stderr().contains("'This is PM'"), run.stderr());
    }
  }

  /**
   * A server that reads the command and closes in order with nothing sent gave up; no PMU answer is
   * empty. It printed an empty floodme line and exited 0 before (seen for part6-pdc at 30% loss,
   * when the TLS server's handshake timed out after the client's had ended).
   */
  @ParameterizedTest
  @ValueSource(strings = {"CMD_floodme", "CMD_short:0"})
  void anAnswerOfNothingAtAllIsOneLineAndExitOne(String command) throws IOException {
    try (ChoppingServer server = new ChoppingServer(new byte[0], 1)) {
      CommandRun run = CommandRun.of("part2", "::1", "" + server.port(), command);
      assertEquals(1, run.status(), run.stderr());
      assertEquals("", run.out());
      assertEquals(1, run.stderr().lines().count(), run.stderr());
      assertTrue(
          run.stderr().contains("closed the connection without sending anything"), run.stderr());
    }
  }

  @Test
  void refusedConnectionIsOneLineAndExitOne() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      port = s.getLocalPort();
    }
    CommandRun run = CommandRun.of("part2", "::1", "" + port, "CMD_short:0");
    assertEquals(1, run.status());
    assertEquals(1, run.stderr().lines().count(), run.stderr());
    assertTrue(run.stderr().startsWith("lab3 part2: cannot connect"), run.stderr());
    assertEquals("", run.out());
  }

  @Test
  void unresolvableHostIsOneLine() {
    CommandRun run = CommandRun.of("part2", "no-such-host.invalid", "5003", "CMD_short:0");
    assertEquals(1, run.status());
    assertEquals(1, run.stderr().lines().count(), run.stderr());
    assertTrue(run.stderr().contains("no-such-host.invalid"), run.stderr());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "::1",
        "::1 5003",
        "::1 5003 CMD_short:0 extra",
        "::1 0 CMD_short:0",
        "::1 70000 CMD_short:0",
        "::1 port CMD_short:0",
        "::1 5003 CMD_short:x",
        "::1 5003 CMD_dance",
        "--no-such-option ::1 5003 CMD_short:0"
      })
  void badArgumentsGiveAUsageLineAndExitTwo(String args) {
    String[] argv = args.isEmpty() ? new String[] {"part2"} : ("part2 " + args).split(" ");
    CommandRun run = CommandRun.of(argv);
    assertEquals(2, run.status(), run.stderr());
    assertTrue(run.stderr().contains("usage: lab3 part2"), run.stderr());
    assertFalse(run.stderr().contains("\tat "), "no stack trace");
    assertEquals("", run.out());
  }

  @Test
  void helpShowsUsageAndExitsZero() {
    CommandRun run = CommandRun.of("part2", "--help");
    assertEquals(0, run.status());
    assertTrue(run.out().contains("usage: lab3 part2 <server> <port> <command>"), run.out());
  }

  @Test
  void unknownCommandExitsTwo() {
    CommandRun run = CommandRun.of("part9");
    assertEquals(2, run.status());
    assertTrue(run.stderr().contains("unknown command 'part9'"));
  }
}
