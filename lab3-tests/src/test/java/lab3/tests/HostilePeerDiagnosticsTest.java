package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ServerSocketFactory;
import lab3.apps.cli.Printable;
import lab3.multicast.MulticastChannel;
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

  /**
   * A group of this test's own on lo (TTL 1, the channels' default), drawn for every test ({@link
   * ServeTest#randomGroup}): other tests' programs on 224.1.1.1, and another run of this class at
   * the same time, never hear it.
   */
  private final String group = ServeTest.randomGroup();

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
    ServerSocketFactory tls = tlsWithTheCoursePki();
    try (ChoppingServer server = hostile(tls)) {
      CommandRun run = part6Pdc("CMD_short:0", server.port());
      assertNotEquals(0, run.status());
      assertOnePrintableLine(run.stderr(), "the server sent '\\x1b");
    }
  }

  /** A TLS server that ends the session in order without a byte of answer: an error, not text. */
  @Test
  void part6PdcSaysSoWhenTheServerClosesWithoutAnswering() throws IOException {
    ServerSocketFactory tls = tlsWithTheCoursePki();
    try (ChoppingServer server = new ChoppingServer(tls, new byte[0], 1)) {
      CommandRun run = part6Pdc("CMD_floodme", server.port());
      assertEquals(1, run.status(), run.stderr());
      assertEquals(0, run.stdout().length);
      assertOnePrintableLine(run.stderr(), "closed the connection without sending anything");
    }
  }

  /** A UDP "server" on 127.0.0.1 that answers every request with {@link #HOSTILE}. */
  @Test
  void part3QuotesAHostileAckOnPrintableLines() throws Exception {
    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      Thread answering =
          Thread.ofVirtual()
              .start(
                  () -> {
                    byte[] hostile = HOSTILE.getBytes(StandardCharsets.UTF_8);
                    try {
                      while (true) {
                        DatagramPacket request = new DatagramPacket(new byte[64], 64);
                        server.receive(request);
                        server.send(
                            new DatagramPacket(
                                hostile, hostile.length, request.getSocketAddress()));
                      }
                    } catch (IOException closed) {
                      // the test ended
                    }
                  });
      String port = "" + server.getLocalPort();
      CommandRun quiet =
          CommandRun.of("part3", "--timeout", "0.2", "--max-rounds", "2", "127.0.0.1", port);
      assertEquals(1, quiet.status(), quiet.stderr());
      assertOnePrintableLine(quiet.stderr(), "lab3 part3:");
      CommandRun verbose =
          CommandRun.of("part3", "-v", "--timeout", "0.2", "--max-rounds", "2", "127.0.0.1", port);
      assertEquals(1, verbose.status(), verbose.stderr());
      List<String> lines = verbose.stderr().lines().toList();
      assertTrue(lines.size() >= 2, verbose.stderr());
      for (String line : lines) {
        assertOnePrintableLine(line + "\n", "part3");
      }
      assertTrue(
          lines.stream()
              .anyMatch(line -> line.contains("ignored a datagram") && line.contains("not an ack")),
          verbose.stderr());
      server.close();
      answering.join();
    }
  }

  /**
   * A datagram whose ID is ESC [ 3 1 m CR and whose text is not UTF-8 and full of controls: the
   * receiver's stdout carries the text as it came (the contract), its -v warning is printable.
   */
  @Test
  void part4ReceiverWarnsOnAHostileDatagramOnOnePrintableLine() throws Exception {
    int port;
    try (DatagramSocket probe = new DatagramSocket(0)) {
      port = probe.getLocalPort();
    }
    byte[] datagram = ("\u001b[31m\r" + HOSTILE + "\u00ff").getBytes(StandardCharsets.ISO_8859_1);
    CommandRun[] run = new CommandRun[1];
    Thread receiver =
        Thread.ofVirtual()
            .start(
                () ->
                    run[0] =
                        CommandRun.of("part4-receiver", "-v", group, "" + port, "--count", "1"));
    try (MulticastChannel sender = MulticastChannel.builder().group(group).port(port).open()) {
      while (receiver.isAlive()) { // until it has joined and got one
        sender.sendRaw(datagram);
        receiver.join(Duration.ofMillis(50));
      }
    }
    assertEquals(0, run[0].status(), run[0].stderr());
    List<String> lines = run[0].stderr().lines().toList();
    assertEquals(2, lines.size(), run[0].stderr()); // "joined ..." and the warning
    assertOnePrintableLine(lines.get(1) + "\n", "warning: datagram from ");
    assertTrue(run[0].out().startsWith("\u001b[31m\r: \u001b[31mred"), "stdout as it came");
  }

  /** A subscriber whose ID and long text are hostile: serve-tv's answer log line is printable. */
  @Test
  void serveTvLogsAHostileSubscriberOnOnePrintableLine() throws Exception {
    try (ChildJvm tv =
        new ChildJvm(lab3.apps.Main.class, "serve-tv", "--group", group, "--port", "0")) {
      String started =
          tv.out().await(line -> line.startsWith("TV program on "), Duration.ofSeconds(30));
      Matcher m = Pattern.compile(":(\\d+) on ").matcher(started);
      assertTrue(m.find(), started);
      int port = Integer.parseInt(m.group(1));
      try (MulticastChannel subscriber =
          MulticastChannel.builder().group(group).port(port).open()) {
        subscriber.sendRaw(("\u001b[31m\n" + HOSTILE).getBytes(StandardCharsets.UTF_8));
        String answered =
            tv.err().await(line -> line.startsWith("answered "), Duration.ofSeconds(30));
        assertOnePrintableLine(answered + "\n", "answered \\x1b[31m\\n at ");
      }
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

  /** {@code part6-pdc COMMAND} against [::1]:port, trusting the course CA made in {@link #dir}. */
  private CommandRun part6Pdc(String command, int port) {
    return CommandRun.of(
        "part6-pdc",
        command,
        dir.resolve("ca/cacert.pem").toString(),
        "--server",
        "::1",
        "--port",
        "" + port);
  }

  /** TLS server sockets with the certificate of a course PKI made in {@link #dir}. */
  private ServerSocketFactory tlsWithTheCoursePki() throws IOException {
    Tools.pki(dir);
    return TlsPmuServer.socketFactory(
        Pem.readCertificates(dir.resolve("cert.pem")), Pem.readPrivateKey(dir.resolve("key.pem")));
  }

  private static ChoppingServer hostile(ServerSocketFactory factory) throws IOException {
    return new ChoppingServer(factory, HOSTILE.getBytes(StandardCharsets.UTF_8), 16);
  }
}
