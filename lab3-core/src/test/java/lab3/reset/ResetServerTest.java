package lab3.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import lab3.transport.Family;
import org.junit.jupiter.api.Test;

/** The emulator on real loopback sockets, driven by a bare UDP socket. */
class ResetServerTest {
  static final Duration WAIT = Duration.ofSeconds(10);

  final LinkedBlockingQueue<String> log = new LinkedBlockingQueue<>();

  ResetServer.Builder server(Family family) {
    return ResetServer.builder().family(family).loopback(true).port(0).log(log::add);
  }

  static InetSocketAddress at(String literal, int port) throws IOException {
    return new InetSocketAddress(InetAddress.getByName(literal), port);
  }

  static Datagrams.UdpSocket socket(String literal) throws IOException {
    return Datagrams.SYSTEM.open(at(literal, 0));
  }

  static String send(Datagrams.UdpSocket socket, String text, InetSocketAddress to)
      throws IOException {
    socket.send(text.getBytes(StandardCharsets.US_ASCII), to);
    return receive(socket).text;
  }

  record Got(String text, InetSocketAddress from) {}

  static Got receiveFrom(Datagrams.UdpSocket socket) throws IOException {
    Datagrams.Received r = socket.receive(WAIT);
    return new Got(new String(r.data(), StandardCharsets.US_ASCII), r.from());
  }

  static Got receive(Datagrams.UdpSocket socket) throws IOException {
    return receiveFrom(socket);
  }

  /** Waits for a log line containing {@code text}. */
  String awaitLog(String text) throws InterruptedException {
    while (true) {
      String line = log.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("no log line with '" + text + "'");
      }
      if (line.contains(text)) {
        return line;
      }
    }
  }

  static int offset(String ack) {
    assertTrue(ack.matches("OFFSET=[0-9]+"), ack);
    return Integer.parseInt(ack.substring("OFFSET=".length()));
  }

  @Test
  void anIpv4ServerAnswersResetWithAnOffsetFromZeroToN() throws Exception {
    try (ResetServer pmu = server(Family.IPV4).build().start();
        Datagrams.UdpSocket client = socket("127.0.0.1")) {
      assertEquals(List.of(at("127.0.0.1", pmu.port())), pmu.addresses());
      for (int i = 0; i < 30; i++) {
        int x = offset(send(client, "RESET:3", pmu.addresses().getFirst()));
        assertTrue(x >= 0 && x <= 3, "X = " + x);
        assertEquals(x, pmu.lastOffset().getAsInt());
      }
      assertEquals(30, pmu.acks());
    }
  }

  @Test
  void anIpv6ServerListensOnIpv6LoopbackOnly() throws Exception {
    try (ResetServer pmu = server(Family.IPV6).build().start();
        Datagrams.UdpSocket client = socket("::1")) {
      assertEquals(List.of(at("::1", pmu.port())), pmu.addresses());
      assertEquals(0, offset(send(client, "RESET:0", at("::1", pmu.port()))));
      assertTrue(pmu.serves(Family.IPV6));
      assertFalse(pmu.serves(Family.IPV4));
    }
  }

  @Test
  void bothModeAnswersOnBothFamiliesOnOnePort() throws Exception {
    try (ResetServer pmu = server(Family.ANY).build().start();
        Datagrams.UdpSocket v4 = socket("127.0.0.1");
        Datagrams.UdpSocket v6 = socket("::1")) {
      int port = pmu.port();
      assertEquals(List.of(at("127.0.0.1", port), at("::1", port)), pmu.addresses());
      offset(send(v4, "RESET:20", at("127.0.0.1", port)));
      offset(send(v6, "RESET:20", at("::1", port)));
    }
  }

  @Test
  void aMalformedRequestGetsNoAnswerAndTheServerKeepsRunning() throws Exception {
    try (ResetServer pmu = server(Family.IPV4).build().start();
        Datagrams.UdpSocket client = socket("127.0.0.1")) {
      InetSocketAddress to = pmu.addresses().getFirst();
      for (String bad : List.of("garbage", "RESET:", "RESET:-4", "", "OFFSET=3")) {
        client.send(bad.getBytes(StandardCharsets.US_ASCII), to);
      }
      // datagrams over loopback keep their order: the first answer is the valid request's
      int x = offset(send(client, "RESET:5\n", to));
      assertTrue(x <= 5);
      assertEquals(x, pmu.lastOffset().getAsInt());
      assertEquals(6, pmu.requests());
      assertEquals(1, pmu.acks());
      assertTrue(awaitLog("garbage").contains("no answer"));
    }
  }

  @Test
  void atLossOneEveryRequestIsDropped() throws Exception {
    try (ResetServer pmu = server(Family.IPV4).loss(1).build().start();
        Datagrams.UdpSocket client = socket("127.0.0.1")) {
      client.send("RESET:20".getBytes(StandardCharsets.US_ASCII), pmu.addresses().getFirst());
      assertTrue(awaitLog("RESET:20").endsWith("dropped"));
      assertEquals(0, pmu.acks());
    }
  }

  @Test
  void aSeededServerDrawsTheSameLossesAndOffsets() throws Exception {
    List<String> first = answers(new Random(7));
    assertEquals(first, answers(new Random(7)));
    assertTrue(first.contains("dropped") && first.stream().anyMatch(a -> a.startsWith("OFFSET")));
  }

  private List<String> answers(Random random) throws Exception {
    log.clear();
    try (ResetServer pmu = server(Family.IPV4).loss(0.5).random(random).build().start();
        Datagrams.UdpSocket client = socket("127.0.0.1")) {
      for (int i = 0; i < 20; i++) {
        client.send("RESET:20".getBytes(StandardCharsets.US_ASCII), pmu.addresses().getFirst());
      }
      List<String> outcomes = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String line = awaitLog("RESET:20");
        outcomes.add(line.substring(line.lastIndexOf("-> ") + 3));
      }
      return outcomes;
    }
  }

  @Test
  void theFamilyIsTheTransportsFamilyAndAlternatingNeedsBoth() {
    ResetServer server = ResetServer.builder().family(Family.IPV6).build();
    assertEquals(Family.IPV6, server.family());
    assertFalse(server.alternates());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> ResetServer.builder().family(Family.IPV4).alternate(true).build());
  }

  @Test
  void alternateModeSwitchesFamilyEveryPeriod() throws Exception {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(600)); // slot 20
    InstantSource clock = now::get;
    try (ResetServer pmu =
            server(Family.ANY)
                .alternate(true)
                .period(Duration.ofSeconds(30))
                .clock(clock)
                .build()
                .start();
        Datagrams.UdpSocket v4 = socket("127.0.0.1");
        Datagrams.UdpSocket v6 = socket("::1")) {
      int port = pmu.port();
      assertTrue(pmu.serves(Family.IPV4));
      assertFalse(pmu.serves(Family.IPV6));
      v6.send("RESET:20".getBytes(StandardCharsets.US_ASCII), at("::1", port));
      assertTrue(awaitLog("RESET:20").contains("ignored: not serving IPv6"));
      offset(send(v4, "RESET:20", at("127.0.0.1", port)));

      now.set(Instant.ofEpochSecond(630)); // slot 21: IPv6's turn
      assertTrue(pmu.serves(Family.IPV6));
      v4.send("RESET:20".getBytes(StandardCharsets.US_ASCII), at("127.0.0.1", port));
      assertTrue(awaitLog("not serving").contains("127.0.0.1"));
      offset(send(v6, "RESET:20", at("::1", port)));
    }
  }

  @Test
  void bogusAcksComeFromAnotherPortAndOutOfRangeFromTheRightOne() throws Exception {
    try (ResetServer pmu = server(Family.IPV6).bogusAcks(true).build().start();
        Datagrams.UdpSocket client = socket("::1")) {
      InetSocketAddress to = pmu.addresses().getFirst();
      for (int i = 0; i < 10; i++) {
        client.send("RESET:20".getBytes(StandardCharsets.US_ASCII), to);
        Got decoy = receiveFrom(client);
        Got outOfRange = receiveFrom(client);
        Got real = receiveFrom(client);
        assertNotEquals(to, decoy.from());
        assertEquals(to.getAddress(), decoy.from().getAddress());
        assertNotEquals(offset(real.text()), offset(decoy.text()));
        assertEquals(to, outOfRange.from());
        assertEquals("OFFSET=21", outOfRange.text());
        assertEquals(to, real.from());
        assertEquals(pmu.lastOffset().getAsInt(), offset(real.text()));
      }
    }
  }

  @Test
  void aTakenPortIsABindExceptionNamingIt() throws Exception {
    try (ResetServer first = server(Family.IPV4).build().start()) {
      ResetServer second = server(Family.IPV4).port(first.port()).build();
      BindException e = assertThrows(BindException.class, second::start);
      assertTrue(e.getMessage().contains(String.valueOf(first.port())), e.getMessage());
    }
  }

  @Test
  void theBuilderRejectsBadValues() {
    ResetServer.Builder b = ResetServer.builder();
    assertThrows(IllegalArgumentException.class, () -> b.loss(1.5));
    assertThrows(IllegalArgumentException.class, () -> b.loss(-0.1));
    assertThrows(IllegalArgumentException.class, () -> b.port(65536));
    assertThrows(IllegalArgumentException.class, () -> b.period(Duration.ZERO));
    assertThrows(NullPointerException.class, () -> b.family(null));
  }

  @Test
  void changingTheBuilderAfterBuildChangesNothingOfTheServer() {
    ResetServer.Builder builder = ResetServer.builder().family(Family.IPV4);
    ResetServer built = builder.build();
    builder.family(Family.ANY).alternate(true);
    assertEquals(Family.IPV4, built.family());
    assertFalse(built.alternates());
  }
}
