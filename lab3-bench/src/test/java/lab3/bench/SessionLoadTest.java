package lab3.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import lab3.pmu.PmuServer;
import org.junit.jupiter.api.Test;

class SessionLoadTest {

  /** What one SessionLoad run printed, and its exit code. */
  private record Run(int code, String out, String err) {}

  /** Runs SessionLoad with {@code args} (after HOST PORT) against a PMU sending n messages. */
  private static Run against(int n, String mode, String... args) throws Exception {
    try (PmuServer server =
        PmuServer.builder()
            .port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .messages(n, n)
            .build()
            .start()) {
      String[] all = new String[args.length + 3];
      all[0] = mode;
      all[1] = "127.0.0.1";
      all[2] = String.valueOf(server.port());
      System.arraycopy(args, 0, all, 3, args.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          SessionLoad.run(
              all,
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void rateRunsEverySessionAndReportsThem() throws Exception {
    Run run = against(10, "rate", "3", "4", "10", "1");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("sessions=12 completed=12 failed=0"), run.out());
  }

  @Test
  void holdOpensEverySessionAtOnce() throws Exception {
    Run run = against(2, "hold", "20", "2");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("sessions=20 completed=20 failed=0"), run.out());
  }

  @Test
  void holdSaysWhenTheSessionsOpenedAndEndedForEverySession() throws Exception {
    Run run = against(2, "hold", "20", "2");
    assertEquals(0, run.code(), run.err());
    assertTrue(
        run.out().matches("(?s).* first_msg_p50=\\d+ all_open=\\d+ first_end=\\d+ end_p50=\\d+\n"),
        run.out());
    String[] lines = run.err().split("\n");
    assertEquals("ms\tconnected\tfirst message\tended", lines[0]);
    int[] sums = new int[3];
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split("\t");
      for (int k = 0; k < 3; k++) {
        sums[k] += Integer.parseInt(cells[k + 1]);
      }
    }
    assertArrayEquals(new int[] {20, 20, 20}, sums, run.err());
  }

  @Test
  void rateSaysNothingOfATimeline() throws Exception {
    Run run = against(3, "rate", "2", "2", "3");
    assertEquals(0, run.code(), run.err());
    assertEquals(
        "sessions=4 completed=4 failed=0 max_open=", run.out().replaceAll("\\d+ ms=\\d+\\s*$", ""));
    assertEquals("", run.err());
  }

  @Test
  void aSessionWithTooFewMessagesFailsTheRun() throws Exception {
    Run run = against(3, "rate", "1", "1", "5");
    assertEquals(1, run.code());
    assertTrue(run.err().contains("3 messages instead of 5"), run.err());
  }

  @Test
  void decoderBenchmarkDecodesEveryMessageBothWays() throws Exception {
    DecoderBenchmark benchmark = new DecoderBenchmark();
    benchmark.readSize = 1448;
    benchmark.setUp();
    org.openjdk.jmh.infra.Blackhole hole =
        new org.openjdk.jmh.infra.Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is"
                + " dangerous.");
    assertEquals(DecoderBenchmark.MESSAGES, benchmark.decodeToStrings(hole));
    assertEquals(DecoderBenchmark.MESSAGES, benchmark.decodeToBytes(hole));
  }
}
