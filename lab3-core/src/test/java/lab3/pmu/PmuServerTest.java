package lab3.pmu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator on a real socket over ::1, talked to with raw sockets. */
class PmuServerTest {
  private final List<String> log = new CopyOnWriteArrayList<>();
  private PmuServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        PmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .messages(3)
            .commandTimeout(Duration.ofMillis(300))
            .log(log::add)
            .build()
            .start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private String exchange(String... writes) throws IOException {
    try (Socket socket = new Socket("::1", server.port())) {
      OutputStream out = socket.getOutputStream();
      for (String w : writes) {
        out.write(w.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void shortCommandGetsNMessagesWithoutDelimiterThenClose() throws IOException {
    assertEquals("This is PMU data 1This is PMU data 2This is PMU data 3", exchange("CMD_short:0"));
  }

  @Test
  void commandSplitAcrossWritesIsAssembled() throws Exception {
    try (Socket socket = new Socket("::1", server.port())) {
      socket.getOutputStream().write("CMD_sh".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      Thread.sleep(50); // let the first piece arrive alone
      socket.getOutputStream().write("ort:0".getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertTrue(answer.startsWith("This is PMU data 1"), answer);
    }
  }

  @Test
  void commandEndingInNewlineIsAccepted() throws IOException {
    assertTrue(exchange("CMD_floodme\n").startsWith("[Copy 1 of 20]"));
  }

  @Test
  void floodmeIsTheWholeTextByteForByteInEverySession() throws IOException {
    // More than the socket buffers hold, and no round size: the sender waits for room many times
    // and ends on a partial write. Three sessions share one buffer (each sends its own duplicate).
    FloodText text = FloodText.generated(3 * 1024 * 1024 + 17);
    try (PmuServer big =
        PmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .floodText(text)
            .build()
            .start()) {
      for (int session = 0; session < 3; session++) {
        try (Socket socket = new Socket("::1", big.port())) {
          socket.getOutputStream().write("CMD_floodme".getBytes(StandardCharsets.US_ASCII));
          assertArrayEquals(
              text.bytes(), socket.getInputStream().readAllBytes(), "session " + session);
        }
      }
    }
  }

  @Test
  void unknownCommandGetsOneErrorLineAndTheServerKeepsServing() throws IOException {
    String answer = exchange("CMD_dance\n");
    assertTrue(answer.startsWith("ERROR unknown command"), answer);
    assertEquals(1, answer.lines().count());
    assertTrue(exchange("CMD_short:0").endsWith("This is PMU data 3"));
  }

  @Test
  void overlongCommandIsRefused() throws IOException {
    String answer = exchange("CMD_short:" + "1".repeat(100));
    assertTrue(answer.startsWith("ERROR"), answer);
  }

  @Test
  void invalidUtf8IsRefusedNotFatal() throws IOException {
    try (Socket socket = new Socket("::1", server.port())) {
      socket.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("ERROR"), answer);
    }
    assertTrue(exchange("CMD_short:0").startsWith("This is PMU data 1"));
  }

  @Test
  void silentClientIsDroppedAfterTheCommandTimeout() throws IOException {
    try (Socket socket = new Socket("::1", server.port())) {
      socket.setSoTimeout(5000);
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("ERROR no command within 300 ms"), answer);
    }
    assertTrue(log.stream().anyMatch(l -> l.contains("no command within")), log.toString());
  }

  @Test
  void clientSendingOneByteAtATimeIsDroppedAtTheCommandTimeout() throws Exception {
    try (Socket socket = new Socket("::1", server.port())) {
      socket.setSoTimeout(5000);
      Thread dripper =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      for (byte b : "CMD_short:0".getBytes(StandardCharsets.US_ASCII)) {
                        socket.getOutputStream().write(b);
                        Thread.sleep(100); // each byte well within the time-out, the whole not
                      }
                    } catch (IOException | InterruptedException dropped) {
                      // expected once the server gives up
                    }
                  });
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("ERROR no command within 300 ms"), answer);
      dripper.interrupt();
    }
  }

  @Test
  void intervalSpacesTheMessages() throws IOException {
    try (PmuServer slow = PmuServer.builder().port(0).messages(3).build().start()) {
      long start = System.nanoTime();
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), slow.port())) {
        socket.getOutputStream().write("CMD_short:0.2".getBytes(StandardCharsets.US_ASCII));
        socket.getInputStream().readAllBytes();
      }
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsedMs >= 400, "two pauses of 200 ms, took " + elapsedMs + " ms");
    }
  }

  @Test
  void acceptsIpv4ClientsOnTheDualStackWildcard() throws IOException {
    try (PmuServer dual = PmuServer.builder().port(0).messages(1).build().start()) {
      PmuClient client = PmuClient.builder().build();
      PmuResult r =
          client.send(
              new Endpoint("127.0.0.1", dual.port()),
              PmuCommand.Short.seconds(0),
              new PmuListener() {});
      assertEquals(1, r.messages());
      assertEquals("127.0.0.1", ((InetSocketAddress) r.server()).getAddress().getHostAddress());
    }
  }

  @Test
  void randomMessageCountStaysInItsRange() throws IOException {
    PmuServer ranged = PmuServer.builder().messages(2, 4).random(new Random(1)).build();
    Set<Long> seen = new HashSet<>();
    PmuClient client =
        PmuClient.builder()
            .transport(lab3.transport.InMemoryTransport.builder(ranged.handler()).build())
            .build();
    for (int i = 0; i < 60; i++) {
      seen.add(
          client
              .send(new Endpoint("x", 1), PmuCommand.Short.seconds(0), new PmuListener() {})
              .messages());
    }
    assertEquals(Set.of(2L, 3L, 4L), seen);
  }

  @Test
  void portInUseIsNamedInTheError() {
    BindException e =
        assertThrows(
            BindException.class,
            () ->
                PmuServer.builder()
                    .bindAddress(InetAddress.getByName("::1"))
                    .port(server.port())
                    .build()
                    .start());
    assertTrue(e.getMessage().contains(String.valueOf(server.port())), e.getMessage());
  }

  @Test
  void closeEndsOpenSessions() throws Exception {
    Socket idle = new Socket("::1", server.port());
    // wait until the server has registered the session
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (server.activeSessions() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(1, server.activeSessions());
    server.close();
    idle.setSoTimeout(5000);
    assertEquals(-1, idle.getInputStream().read());
    idle.close();
  }

  @Test
  void builderRejectsBadValues() {
    assertThrows(IllegalArgumentException.class, () -> PmuServer.builder().port(70000));
    assertThrows(IllegalArgumentException.class, () -> PmuServer.builder().messages(0));
    assertThrows(IllegalArgumentException.class, () -> PmuServer.builder().messages(5, 4));
    assertThrows(
        IllegalArgumentException.class, () -> PmuServer.builder().commandTimeout(Duration.ZERO));
  }

  @Test
  void changingTheBuilderAfterBuildChangesNothingOfTheServer() throws Exception {
    PmuServer.Builder builder =
        PmuServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0).messages(3);
    try (PmuServer built = builder.build()) {
      builder.bindAddress(InetAddress.getByName("::")).port(5003).messages(7);
      built.start();
      assertEquals(InetAddress.getLoopbackAddress(), built.address().getAddress());
      List<String> got = new java.util.ArrayList<>();
      PmuClient.builder()
          .build()
          .send(
              new Endpoint("127.0.0.1", built.port()),
              PmuCommand.parse("CMD_short:0"),
              PmuListener.forMessages(got::add));
      assertEquals(3, got.size());
    }
  }
}
