package lab3.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import lab3.pmu.PmuServer;
import org.junit.jupiter.api.Test;

class SessionLoadTest {

  @Test
  void rateRunsEverySessionAndReportsThem() throws Exception {
    try (PmuServer server =
        PmuServer.builder()
            .port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .messages(10, 10)
            .build()
            .start()) {
      int port = server.port();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code =
          SessionLoad.run(
              new String[] {"rate", "127.0.0.1", "" + port, "3", "4", "10"},
              new PrintStream(out, true, StandardCharsets.UTF_8),
              System.err);
      assertEquals(0, code);
      assertTrue(
          out.toString(StandardCharsets.UTF_8).startsWith("sessions=12 completed=12 failed=0"));
    }
  }

  @Test
  void aSessionWithTooFewMessagesFailsTheRun() throws Exception {
    try (PmuServer server =
        PmuServer.builder()
            .port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .messages(3, 3)
            .build()
            .start()) {
      int port = server.port();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          SessionLoad.run(
              new String[] {"rate", "127.0.0.1", "" + port, "1", "1", "5"},
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(1, code);
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("3 messages instead of 5"));
    }
  }

  @Test
  void decoderBenchmarkDecodesEveryMessage() throws Exception {
    DecoderBenchmark benchmark = new DecoderBenchmark();
    benchmark.readSize = 1448;
    benchmark.setUp();
    org.openjdk.jmh.infra.Blackhole hole =
        new org.openjdk.jmh.infra.Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    assertEquals(DecoderBenchmark.MESSAGES, benchmark.decodeToStrings(hole));
  }
}
