package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import lab3.pmu.FloodText;
import lab3.ws.WsPmuServer;
import org.junit.jupiter.api.Test;

/** {@code ./lab3 part5}: the graders' contract on stdout, diagnostics on stderr. */
class Part5CommandTest {

  private static WsPmuServer emulator(int messages) throws Exception {
    return WsPmuServer.builder()
        .bindAddress(InetAddress.getByName("::1"))
        .port(0)
        .messages(messages)
        .build()
        .start();
  }

  @Test
  void shortPrintsOneMessagePerLineAndNothingElse() throws Exception {
    try (WsPmuServer server = emulator(3)) {
      CommandRun run = CommandRun.of("part5", "::1", String.valueOf(server.port()), "CMD_short:0");
      assertEquals(0, run.status(), run.stderr());
      assertEquals("This is PMU data 1\nThis is PMU data 2\nThis is PMU data 3\n", run.out());
      assertEquals("", run.stderr());
    }
  }

  @Test
  void floodmePrintsTheWholeTextThenOneNewline() throws Exception {
    try (WsPmuServer server = emulator(1)) {
      CommandRun run =
          CommandRun.of("part5", "-v", "::1", String.valueOf(server.port()), "CMD_floodme");
      assertEquals(0, run.status(), run.stderr());
      String expected = new String(FloodText.builtIn().bytes(), StandardCharsets.UTF_8) + "\n";
      assertEquals(expected, run.out());
      assertTrue(run.stderr().contains("1 on_message calls"), run.stderr());
      assertTrue(run.stderr().contains("close 1000"), run.stderr());
    }
  }

  @Test
  void aRefusedConnectionIsOneLineAndStatus1() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      port = s.getLocalPort();
    }
    CommandRun run = CommandRun.of("part5", "::1", String.valueOf(port), "CMD_short:0");
    assertEquals(1, run.status());
    assertEquals(1, run.stderr().lines().count(), run.stderr());
    assertTrue(run.stderr().contains("cannot connect to ws://[::1]:" + port + "/"), run.stderr());
    assertEquals("", run.out());
  }

  @Test
  void aBadCommandIsAUsageError() {
    assertEquals(2, CommandRun.of("part5", "::1", "5006", "CMD_nonsense").status());
  }
}
