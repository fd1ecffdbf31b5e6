package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lab3.pmu.FloodText;
import lab3.testing.ScriptedWsPeer;
import lab3.transport.Family;
import lab3.ws.WsPmuServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The WebSocket PMU against clients that die, send broken upgrades, or hold sessions open without a
 * command: each costs one log line or an HTTP error, idle sessions are dropped after the command
 * time-out, and the next well-formed session is served.
 */
class WsFaultsTest {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(1500);
  private static final long PATIENCE_S = 20;

  private final BlockingQueue<String> log = new LinkedBlockingQueue<>();
  private WsPmuServer pmu;

  @BeforeEach
  void start() throws IOException {
    pmu =
        WsPmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .messages(50)
            .commandTimeout(COMMAND_TIMEOUT)
            .log(log::add)
            .build()
            .start();
  }

  @AfterEach
  void stop() throws IOException {
    pmu.close();
  }

  private void assertNextSessionIsServed() throws InterruptedException {
    log.clear();
    CommandRun run = CommandRun.of("part5", "::1", "" + pmu.port(), "CMD_short:0");
    assertEquals(0, run.status(), run.stderr());
    assertEquals(50, run.out().lines().count());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_S);
    String line;
    do { // other sessions may be logging meanwhile
      line = log.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    } while (line != null && !line.contains("CMD_short:0 -> 50 messages"));
    assertTrue(line != null, "the session was logged as served");
  }

  /** A raw socket that has done the WebSocket handshake with {@code server}. */
  private static Socket upgraded(WsPmuServer server) throws IOException {
    Socket socket = new Socket("::1", server.port());
    socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(PATIENCE_S));
    String request =
        "GET / HTTP/1.1\r\nHost: [::1]:"
            + server.port()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    String head = readHead(socket.getInputStream());
    assertTrue(head.startsWith("HTTP/1.1 101"), head);
    return socket;
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** A masked client text frame (mask key 0: the payload goes as it is). */
  private static byte[] textFrame(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer frame = ByteBuffer.allocate(6 + payload.length);
    frame.put((byte) 0x81).put((byte) (0x80 | payload.length)).putInt(0).put(payload);
    return frame.array();
  }

  @Test
  void clientKilledMidAnswerCostsOneLogLineAndTheNextSessionIsServed() throws Exception {
    int localPort;
    try (Socket killed = upgraded(pmu)) {
      localPort = killed.getLocalPort();
      killed.getOutputStream().write(textFrame("CMD_short:0.2"));
      assertTrue(killed.getInputStream().read() >= 0, "the first message arrives");
      killed.setSoLinger(true, 0); // close() sends RST: the process died
    }
    String line = log.poll(PATIENCE_S, TimeUnit.SECONDS);
    assertTrue(line != null && line.contains(":" + localPort), "one line about it: " + line);
    assertTrue(line.contains("failed"), line);
    assertEquals(null, log.poll(300, TimeUnit.MILLISECONDS), "one line only");
    assertNextSessionIsServed();
  }

  @ParameterizedTest
  @EnumSource(FaultyServer.Fault.class)
  void part5AgainstAServerFailingMidAnswerPrintsWhatItHadAndFails(FaultyServer.Fault fault)
      throws IOException {
    String two = "This is PMU data 1\nThis is PMU data 2\n";
    try (ScriptedWsPeer server =
        ScriptedWsPeer.builder()
            .family(Family.IPV6)
            .message("This is PMU data 1")
            .message("This is PMU data 2")
            .then(
                switch (fault) {
                  case CLOSE -> ScriptedWsPeer.Ending.DROP;
                  case RESET -> ScriptedWsPeer.Ending.RESET;
                  case STALL -> ScriptedWsPeer.Ending.SILENCE;
                })
            .start()) {
      CommandRun run =
          assertTimeoutPreemptively(
              Duration.ofSeconds(PATIENCE_S),
              () ->
                  CommandRun.of(
                      "part5", "--timeout", "1", "::1", "" + server.port(), "CMD_short:0"));
      assertEquals(1, run.status(), run.stderr());
      List<String> err = run.stderr().lines().toList();
      assertEquals(1, err.size(), run.stderr());
      assertTrue(err.getFirst().startsWith("lab3 part5: "), run.stderr());
      if (fault == FaultyServer.Fault.RESET) {
        assertTrue(two.startsWith(run.out()), run.out()); // what the RST left of it
      } else {
        assertEquals(two, run.out());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        "GARBAGE\r\n\r\n",
        "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Long: LONG\r\n\r\n"
      })
  void brokenUpgradeGetsAnHttpErrorOrACloseAndTheNextSessionIsServed(String request)
      throws Exception {
    String wire = request.replace("LONG", "x".repeat(64 * 1024));
    try (Socket socket = new Socket("::1", pmu.port())) {
      socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(PATIENCE_S));
      OutputStream out = socket.getOutputStream();
      out.write(wire.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (!wire.endsWith("\r\n\r\n")) {
        socket.shutdownOutput(); // a half-written request (a TLS ClientHello cut short)
      }
      String head;
      try {
        head = readHead(socket.getInputStream());
      } catch (IOException reset) {
        head = ""; // closed by a reset: also a refusal
      }
      assertTrue(
          head.isEmpty() || head.matches("(?s)HTTP/1\\.1 4\\d\\d .*"),
          "an HTTP error or a close, got: " + head.lines().findFirst().orElse(""));
    }
    assertNextSessionIsServed();
  }

  @Test
  void idleSessionsAreDroppedAfterTheCommandTimeoutEvenWhenTheyPing() throws Exception {
    try (JdkClient client = JdkClient.create()) {
      HttpClient http = client.http();
      List<JdkWebSocket> silent = new ArrayList<>();
      List<WebSocket> pinging = new ArrayList<>();
      List<JdkWebSocket> pingingSessions = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        JdkWebSocket s = new JdkWebSocket();
        JdkWebSocket.open(http, pmu.port(), s).get(PATIENCE_S, TimeUnit.SECONDS);
        silent.add(s);
      }
      for (int i = 0; i < 10; i++) {
        JdkWebSocket s = new JdkWebSocket();
        pinging.add(JdkWebSocket.open(http, pmu.port(), s).get(PATIENCE_S, TimeUnit.SECONDS));
        pingingSessions.add(s);
      }
      Thread pinger =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      while (true) {
                        for (WebSocket ws : pinging) {
                          if (!ws.isOutputClosed()) {
                            ws.sendPing(ByteBuffer.wrap(new byte[] {1}));
                          }
                        }
                        Thread.sleep(300); // the attack itself: some traffic, never a command
                      }
                    } catch (InterruptedException | RuntimeException stopped) {
                      // done
                    }
                  });
      try {
        assertNextSessionIsServed();
        List<JdkWebSocket> all = new ArrayList<>(silent);
        all.addAll(pingingSessions);
        for (int i = 0; i < all.size(); i++) {
          JdkWebSocket.Closed closed = all.get(i).closed.get(PATIENCE_S, TimeUnit.SECONDS);
          assertEquals(1008, closed.code(), (i < silent.size() ? "silent " : "pinging ") + i);
          assertTrue(closed.reason().startsWith("no command within"), closed.reason());
        }
      } finally {
        pinger.interrupt();
      }
    }
    assertEquals(
        0, ProcessResources.awaitAtMost(pmu::activeSessions, 0, Duration.ofSeconds(PATIENCE_S)));
  }

  @Test
  void closeSendsGoingAwayThenEndsTheConnectionOfAClientThatNeverAnswers() throws Exception {
    try (Socket socket = upgraded(pmu)) {
      socket.getOutputStream().write(textFrame("CMD_short:3600"));
      InputStream in = socket.getInputStream();
      assertEquals(0x82, in.read(), "the first message, in a binary frame");
      in.readNBytes(in.read()); // "This is PMU data 1"; the next one is an hour away
      assertTimeoutPreemptively(Duration.ofSeconds(PATIENCE_S), pmu::close);
      assertEquals(0x88, in.read(), "a close frame");
      byte[] payload = in.readNBytes(in.read());
      assertEquals(1001, ((payload[0] & 0xff) << 8) | (payload[1] & 0xff), "going away");
      assertEndOfStream(in); // this client never answers the close: the server ends it anyway
    }
  }

  @Test
  void closeEndsTheConnectionOfAClientThatStoppedReadingAFlood() throws Exception {
    try (WsPmuServer flooding =
            WsPmuServer.builder()
                .bindAddress(InetAddress.getByName("::1"))
                .port(0)
                .floodText(FloodText.generated(64 << 20)) // more than both socket buffers hold
                .build()
                .start();
        Socket socket = upgraded(flooding)) {
      socket.getOutputStream().write(textFrame("CMD_floodme"));
      InputStream in = socket.getInputStream();
      assertEquals(0x2, in.read() & 0x0f, "the flood begins, in binary frames");
      // The client reads no more: the server's writes soon wait for room that never comes.
      assertTimeoutPreemptively(Duration.ofSeconds(PATIENCE_S), flooding::close);
      assertEndOfStream(in);
    }
  }

  /** Reads to the end of the stream; a reset counts as an end, a read time-out fails. */
  private static void assertEndOfStream(InputStream in) throws IOException {
    byte[] rest = new byte[1 << 16];
    try {
      while (in.read(rest) >= 0) {
        // what was in flight
      }
    } catch (java.net.SocketException reset) {
      // dropped with a reset: also an end
    }
  }

  @Test
  void rawConnectionThatNeverUpgradesIsDroppedAfterTheCommandTimeout() throws Exception {
    try (Socket socket = new Socket("::1", pmu.port())) {
      socket.setSoTimeout((int) (COMMAND_TIMEOUT.toMillis() * 4));
      int b;
      try {
        b = socket.getInputStream().read(); // a time-out here fails the test
      } catch (java.net.SocketException reset) {
        b = -1;
      }
      assertEquals(-1, b, "closed by the server");
    }
  }
}
