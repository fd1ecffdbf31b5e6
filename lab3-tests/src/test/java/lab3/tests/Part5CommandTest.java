package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import lab3.apps.Main;
import lab3.apps.cli.Io;
import lab3.pmu.FloodText;
import lab3.ws.WsPmuServer;
import org.junit.jupiter.api.Test;

/** {@code ./lab3 part5}: the graders' contract on stdout, diagnostics on stderr. */
class Part5CommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Io io =
        new Io(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, false, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return Main.run(args, io);
  }

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
      int status = run("part5", "::1", String.valueOf(server.port()), "CMD_short:0");
      assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
      assertEquals(
          "This is PMU data 1\nThis is PMU data 2\nThis is PMU data 3\n",
          out.toString(StandardCharsets.UTF_8));
      assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void floodmePrintsTheWholeTextThenOneNewline() throws Exception {
    try (WsPmuServer server = emulator(1)) {
      assertEquals(0, run("part5", "-v", "::1", String.valueOf(server.port()), "CMD_floodme"));
      String expected = new String(FloodText.builtIn().bytes(), StandardCharsets.UTF_8) + "\n";
      assertEquals(expected, out.toString(StandardCharsets.UTF_8));
      String diagnostics = err.toString(StandardCharsets.UTF_8);
      assertTrue(diagnostics.contains("1 on_message calls"), diagnostics);
      assertTrue(diagnostics.contains("close 1000"), diagnostics);
    }
  }

  @Test
  void aRefusedConnectionIsOneLineAndStatus1() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      port = s.getLocalPort();
    }
    assertEquals(1, run("part5", "::1", String.valueOf(port), "CMD_short:0"));
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.contains("cannot connect to ws://[::1]:" + port + "/"), message);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aBadCommandIsAUsageError() {
    assertEquals(2, run("part5", "::1", "5006", "CMD_nonsense"));
  }
}
