package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ServerSocketFactory;
import lab3.apps.cli.Printable;
import lab3.pki.Pem;
import lab3.tls.TlsPmuServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile server controls the bytes of its answers, not the user's terminal: whatever it sends
 * (CR, LF, ESC sequences that recolour or move the cursor, 10 KB of it), a command that quotes it
 * in its error leaves stderr one printable line of bounded length.
 */
class HostilePeerDiagnosticsTest {
  /**
   * Turns the terminal red, then looks like an HTTP answer, clears the screen (a C1 CSI), reverses
   * the text direction, then 10 KB. The server cuts it at random (ChoppingServer), so a quote may
   * hold only its first bytes: ESC comes first.
   */
  static final String HOSTILE =
      "\u001b[31mred\u001b[0m\rfake\nHTTP/1.1 400 Bad Request\r\nServer: evil\r\n\u009b2J\u202e"
          + "A".repeat(10_240);

  @TempDir Path dir;

  @Test
  void part2QuotesAHostileAnswerOnOnePrintableLine() throws IOException {
    try (ChoppingServer server = hostile(ServerSocketFactory.getDefault())) {
      CommandRun run = CommandRun.of("part2", "::1", "" + server.port(), "CMD_short:0");
      assertNotEquals(0, run.status());
      assertOnePrintableLine(run.stderr(), "the server sent '\\x1b");
    }
  }

  @Test
  void part5QuotesAHostileHttpAnswerOnOnePrintableLine() throws IOException {
    try (ChoppingServer server = hostile(ServerSocketFactory.getDefault())) {
      CommandRun run = CommandRun.of("part5", "::1", "" + server.port(), "CMD_short:0");
      assertNotEquals(0, run.status());
      assertOnePrintableLine(run.stderr(), "lab3 part5:");
    }
  }

  @Test
  void part6PdcQuotesAHostileAnswerOnOnePrintableLine() throws IOException {
    Tools.pki(dir);
    ServerSocketFactory tls =
        TlsPmuServer.socketFactory(
            Pem.readCertificates(dir.resolve("cert.pem")),
            Pem.readPrivateKey(dir.resolve("key.pem")));
    try (ChoppingServer server = hostile(tls)) {
      CommandRun run =
          CommandRun.of(
              "part6-pdc",
              "CMD_short:0",
              dir.resolve("ca/cacert.pem").toString(),
              "--server",
              "::1",
              "--port",
              "" + server.port());
      assertNotEquals(0, run.status());
      assertOnePrintableLine(run.stderr(), "the server sent '\\x1b");
    }
  }

  @Test
  void printableEscapesControlsAndCutsLongText() {
    assertEquals(
        "a\\r\\nb\\x1b[31m\\u009b\\u202e\\\\", Printable.line("a\r\nb\u001b[31m\u009b\u202e\\"));
    String cut = Printable.line("é".repeat(300));
    assertEquals("é".repeat(200) + "… (200 more bytes)", cut);
  }

  /** One line ending in a line break, no control character, short; holds {@code expected}. */
  static void assertOnePrintableLine(String stderr, String expected) {
    assertTrue(stderr.endsWith("\n"), stderr);
    String line = stderr.substring(0, stderr.length() - 1);
    assertTrue(
        line.codePoints()
            .allMatch(
                c ->
                    c >= 0x20
                        && c != 0x7f
                        && !(c >= 0x80 && c < 0xa0)
                        && Character.getType(c) != Character.FORMAT),
        "a control character on stderr: " + line.replace("\u001b", "<ESC>"));
    assertTrue(line.length() <= 400, line.length() + " characters: " + line);
    assertTrue(line.contains(expected), line);
  }

  private static ChoppingServer hostile(ServerSocketFactory factory) throws IOException {
    return new ChoppingServer(factory, HOSTILE.getBytes(StandardCharsets.UTF_8), 16);
  }
}
