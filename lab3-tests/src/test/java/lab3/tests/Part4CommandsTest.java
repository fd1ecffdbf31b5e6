package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab3.apps.Main;
import lab3.apps.cli.Io;
import lab3.multicast.MulticastChannel;
import lab3.multicast.MulticastMessage;
import lab3.multicast.TvProgram;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Part 4 commands through {@link Main#run}, on a random group in 239.0.0.0/8 and a free port,
 * on the loopback interface (the commands' default) with TTL 1.
 */
class Part4CommandsTest {
  static final Duration PATIENCE = Duration.ofSeconds(10);

  final String group = ServeTest.randomGroup();
  final int port = freePort();

  /** One command run on its own thread, with its stdout and stderr collected as lines. */
  record Run(CompletableFuture<Integer> status, Lines out, Lines err) {
    int await() throws Exception {
      return status.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
  }

  static Run start(String stdin, String... args) {
    Lines out = new Lines();
    Lines err = new Lines();
    Io io =
        new Io(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            out.printStream(),
            err.printStream());
    CompletableFuture<Integer> status = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> status.complete(Main.run(args, io)));
    return new Run(status, out, err);
  }

  static CommandRun run(String stdin, String... args) {
    return CommandRun.withInput(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  /** A receiver command that has joined the group (it says so on stderr with -v). */
  Run joinedReceiver(int count) throws Exception {
    Run receiver =
        start("", "part4-receiver", group, String.valueOf(port), "-v", "--count", "" + count);
    receiver.err().await(l -> l.startsWith("joined " + group + ":" + port + " on lo"), PATIENCE);
    return receiver;
  }

  MulticastChannel.Builder channel() throws IOException {
    return MulticastChannel.builder()
        .group(group)
        .port(port)
        .networkInterface(MulticastChannel.loopbackInterface())
        .ttl(1);
  }

  @Test
  void theReceiverPrintsIdColonTextForEveryMessageAndWarnsOfMalformedOnes() throws Exception {
    Run receiver = joinedReceiver(4);
    try (MulticastChannel sender = channel().open()) {
      sender.send("123456", "O Romeo, Romeo — wherefore art thou Romeo?");
      sender.sendRaw(new byte[] {'a', 'b'});
      sender.sendRaw(new byte[] {'6', '5', '4', '3', '2', '1', (byte) 0xFF});
      sender.send("swcmTV", "a line with its line break\n");
    }
    assertEquals(0, receiver.await());
    assertEquals(
        List.of(
            "123456: O Romeo, Romeo — wherefore art thou Romeo?",
            "ab: ",
            "654321: \uFFFD",
            "swcmTV: a line with its line break"),
        receiver.out().lines());
    assertEquals(2, receiver.err().lines().stream().filter(l -> l.startsWith("warning:")).count());
  }

  @Test
  void theSenderSendsEachLineOfStdinUnderTheCamiproNumber() throws Exception {
    try (MulticastChannel receiver = channel().open().join()) {
      CommandRun sender =
          run("Hello, Verona\nsecond line ✓\n\n", "part4-sender", group, "" + port, "123456");
      assertEquals(0, sender.status());
      assertEquals("", sender.out());
      for (String text : List.of("Hello, Verona", "second line ✓", "")) {
        MulticastMessage m = receiver.receive(PATIENCE);
        assertEquals("123456", m.id());
        assertEquals(text, m.text());
      }
    }
  }

  @Test
  void theSenderRefusesACamiproThatIsNotSixDigits() throws Exception {
    for (String camipro : List.of("12345", "1234567", "12345a")) {
      CommandRun sender = run("x\n", "part4-sender", group, "" + port, camipro);
      assertEquals(Main.USAGE, sender.status());
      assertTrue(sender.stderr().contains("6 digits"), sender.stderr());
    }
  }

  @Test
  void theSenderSkipsALineTooLongForADatagramAndFails() throws Exception {
    try (MulticastChannel receiver = channel().open().join()) {
      String tooLong = "x".repeat(65_502);
      CommandRun sender = run(tooLong + "\nafter\n", "part4-sender", group, "" + port, "123456");
      assertEquals(Main.FAILED, sender.status());
      assertTrue(sender.stderr().startsWith("line 1 not sent"), sender.stderr());
      assertTrue(sender.stderr().contains("65501"), sender.stderr());
      assertEquals("after", receiver.receive(PATIENCE).text());
    }
  }

  @Test
  void badCommandLinesExitWithUsage() throws Exception {
    // Receivers and serve-tv run on a thread: a regression would block, not hang the suite.
    assertEquals(Main.USAGE, start("", "part4-receiver", "10.0.0.1", "" + port).await());
    assertEquals(
        Main.USAGE,
        start("", "part4-receiver", group, "" + port, "--interface", "no-such-if0").await());
    assertEquals(Main.USAGE, start("", "part4-receiver", group, "0").await());
    assertEquals(
        Main.USAGE, run("", "part4-sender", group, "" + port, "123456", "--ttl", "300").status());
    assertEquals(Main.USAGE, start("", "serve-tv", "--interval", "0").await());
    assertEquals(Main.USAGE, start("", "serve-tv", "--group", "127.0.0.1").await());
  }

  @Test
  void helpSaysTheDefaultInterfaceIsLoopback() throws Exception {
    for (String command : List.of("part4-receiver", "part4-sender", "serve-tv")) {
      CommandRun help = run("", command, "--help");
      assertEquals(0, help.status());
      assertTrue(help.out().contains("loopback one (lo)"), command);
    }
  }

  @Test
  void aLongTextFromTheSenderIsAnsweredByTheProgramAndShownByTheReceiver() throws Exception {
    // The program sends its only line as it starts, and the next one an hour later. A member of our
    // own, joined before the program starts, sees that line go by: only then does the receiver
    // join, so the two messages it counts are the sender's text and the program's answer.
    try (MulticastChannel witness = channel().open().join();
        TvProgram tv =
            TvProgram.builder()
                .group(group)
                .port(port)
                .interval(Duration.ofHours(1))
                .script(List.of("only line"))
                .build()
                .start()) {
      MulticastMessage first = witness.receive(PATIENCE);
      assertEquals(TvProgram.ID + ": only line", first.id() + ": " + first.text());
      Run receiver = joinedReceiver(2);
      String opinion = "Parting is such sweet sorrow. ".repeat(11); // 330 characters
      assertEquals(0, run(opinion + "\n", "part4-sender", group, "" + port, "123456").status());
      assertEquals(0, receiver.await());
      assertEquals(
          List.of("123456: " + opinion, "swcmTV: " + TvProgram.answer("123456", 330)),
          receiver.out().lines());
    }
  }

  // ---- Interoperability with plain Python programs (the lab's own language) ----

  private static final String PYTHON_SENDER =
      """
      import socket, sys
      group, port = sys.argv[1], int(sys.argv[2])
      s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
      s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton('127.0.0.1'))
      s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
      s.sendto(b'654321' + 'Hello from Python, Juliet ✓'.encode('utf-8'), (group, port))
      """;

  private static final String PYTHON_RECEIVER =
      """
      import socket, struct, sys
      group, port = sys.argv[1], int(sys.argv[2])
      s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
      s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
      s.bind(('', port))
      mreq = struct.pack('4s4s', socket.inet_aton(group), socket.inet_aton('127.0.0.1'))
      s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
      s.settimeout(10)
      print('ready', flush=True)
      data, source = s.recvfrom(65535)
      print(repr(data[:6]), data[6:].decode('utf-8'), sep='|', flush=True)
      """;

  @Test
  void theReceiverShowsWhatAPlainPythonSenderSends() throws Exception {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    Run receiver = joinedReceiver(1);
    PythonRun python = python(PYTHON_SENDER, new Lines());
    assertEquals(0, python.await());
    assertEquals(0, receiver.await());
    assertEquals(List.of("654321: Hello from Python, Juliet ✓"), receiver.out().lines());
  }

  @Test
  void aPlainPythonReceiverSeesTheSendersMessageWithTheRightSixByteId() throws Exception {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    Lines pythonOut = new Lines();
    PythonRun python = python(PYTHON_RECEIVER, pythonOut);
    try {
      pythonOut.await(l -> l.equals("ready"), PATIENCE);
      assertEquals(
          0,
          run("Hello from Java, Romeo ✓\n", "part4-sender", group, "" + port, "123456").status());
      assertEquals(0, python.await(), pythonOut.lines().toString());
      assertEquals(List.of("ready", "b'123456'|Hello from Java, Romeo ✓"), pythonOut.lines());
    } finally {
      python.process().destroyForcibly();
    }
  }

  /** A Python program and the thread that copies its output (stdout and stderr) to lines. */
  record PythonRun(Process process, Thread copier) {
    /**
     * Waits for the program to end and for its output to be read to the end: the exit comes first,
     * the copier may still be reading the last line then.
     */
    int await() throws InterruptedException {
      assertTrue(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "python3 still runs");
      assertTrue(copier.join(PATIENCE), "python3's output is still open");
      return process.exitValue();
    }
  }

  private PythonRun python(String script, Lines out) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("python3", "-c", script, group, String.valueOf(port))
            .redirectErrorStream(true);
    builder.environment().put("PYTHONIOENCODING", "utf-8");
    Process process = builder.start();
    Thread copier = Thread.ofVirtual().start(() -> copy(process.getInputStream(), out));
    return new PythonRun(process, copier);
  }

  private static void copy(InputStream in, Lines out) {
    try (in) {
      in.transferTo(out);
    } catch (IOException ignored) {
      // the process ended
    }
  }

  /** A UDP port nobody uses right now: the receivers must all bind the same, known port. */
  static int freePort() {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
