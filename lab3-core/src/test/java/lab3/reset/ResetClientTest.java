package lab3.reset;

import static java.net.StandardProtocolFamily.INET;
import static java.net.StandardProtocolFamily.INET6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import lab3.transport.Endpoint;
import lab3.transport.Family;
import lab3.transport.Resolver;
import org.junit.jupiter.api.Test;

/** The client's rounds, time-outs and ack checks, over {@link FakeDatagrams}. */
class ResetClientTest {
  static final int PORT = 5004;
  static final InetSocketAddress V4 = address("192.0.2.7", PORT);
  static final InetSocketAddress V6 = address("2001:db8::7", PORT);
  static final Resolver BOTH = resolver("pmu.test", "192.0.2.7", "2001:db8::7");
  static final Endpoint SERVER = new Endpoint("pmu.test", PORT);

  /**
   * Each round's time-out in these tests. An answered round ends as soon as the ack is read, so
   * only unanswered rounds wait it out; it is long enough that an ack delivered at once is read
   * within its round even on a loaded machine (at 20 ms, a load of 20 to 37 made the receiver miss
   * its round and the client count one round more than the test expected).
   */
  static final Duration ROUND = Duration.ofMillis(250);

  final List<String> log = new CopyOnWriteArrayList<>();

  static InetSocketAddress address(String literal, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(literal), port);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static Resolver resolver(String name, String... literals) {
    return host -> {
      if (!host.equals(name)) {
        throw new UnknownHostException(host);
      }
      List<InetAddress> addresses = new java.util.ArrayList<>();
      for (String literal : literals) {
        addresses.add(InetAddress.getByName(literal));
      }
      return addresses;
    };
  }

  ResetClient.Builder client(FakeDatagrams network) {
    return ResetClient.builder().resolver(BOTH).datagrams(network).timeout(ROUND).log(log::add);
  }

  /** A server at {@code at} that drops the first {@code drop} requests it gets, then answers X. */
  static FakeDatagrams.Network serverAt(InetSocketAddress at, int drop, int x) {
    AtomicInteger requests = new AtomicInteger();
    return (socket, data, to) -> {
      if (to.equals(at) && requests.incrementAndGet() > drop) {
        socket.deliver("OFFSET=" + x, at);
      }
    };
  }

  @Test
  void withNoLossTheAckEndsTheFirstRound() throws IOException {
    FakeDatagrams network = new FakeDatagrams(serverAt(V6, 0, 13));
    ResetResult r = client(network).timeout(Duration.ofSeconds(30)).build().reset(SERVER);
    assertEquals(13, r.offset());
    assertEquals(Family.IPV6, r.family());
    assertEquals(V6, r.server());
    assertEquals(1, r.rounds());
    assertTrue(r.timeToAck().compareTo(Duration.ofSeconds(30)) < 0);
  }

  @Test
  void everyRoundGoesToEveryAddressOnTheSocketOfItsFamily() throws IOException {
    InetSocketAddress otherV4 = address("198.51.100.1", PORT);
    FakeDatagrams network = new FakeDatagrams(serverAt(V4, 2, 5));
    ResetResult r =
        client(network)
            .resolver(resolver("pmu.test", "2001:db8::7", "192.0.2.7", "198.51.100.1"))
            .build()
            .reset(SERVER);
    assertEquals(3, r.rounds());
    assertEquals(Family.IPV4, r.family());
    List<FakeDatagrams.Sent> v4 = network.sent(INET);
    List<FakeDatagrams.Sent> v6 = network.sent(INET6);
    assertEquals(6, v4.size());
    assertEquals(3, v6.size());
    assertEquals(List.of(V4, otherV4), v4.subList(0, 2).stream().map(s -> s.to()).toList());
    assertTrue(v6.stream().allMatch(s -> s.to().equals(V6)));
    assertTrue(network.sent().stream().allMatch(s -> s.text().equals("RESET:20")));
  }

  @Test
  void retransmitsAfterEachTimeOutUntilAnAckArrives() throws IOException {
    FakeDatagrams network = new FakeDatagrams(serverAt(V4, 4, 0));
    ResetResult r = client(network).build().reset(SERVER);
    assertEquals(5, r.rounds());
    assertEquals(0, r.offset());
    assertEquals(5, network.sent(INET).size());
    assertEquals(5, network.sent(INET6).size());
    // four unanswered rounds each waited the whole time-out
    assertTrue(r.timeToAck().compareTo(ROUND.multipliedBy(4)) >= 0, r.timeToAck()::toString);
  }

  @Test
  void givesUpAfterMaxRoundsHavingWaitedTheTimeOutEachRound() {
    FakeDatagrams network = new FakeDatagrams((socket, data, to) -> {});
    ResetTimeoutException e =
        assertThrows(
            ResetTimeoutException.class,
            () ->
                client(network).timeout(Duration.ofMillis(30)).maxRounds(3).build().reset(SERVER));
    assertEquals(3, e.rounds());
    assertEquals(3, network.sent(INET).size());
    assertTrue(e.elapsed().compareTo(Duration.ofMillis(90)) >= 0, e.elapsed()::toString);
  }

  @Test
  void changingTheBuilderAfterBuildChangesNothingOfTheClient() {
    FakeDatagrams network = new FakeDatagrams((socket, data, to) -> {});
    ResetClient.Builder builder = client(network).timeout(Duration.ofMillis(10)).maxRounds(2);
    ResetClient built = builder.build();
    builder.maxRounds(50).timeout(Duration.ofSeconds(60));
    ResetTimeoutException e = assertThrows(ResetTimeoutException.class, () -> built.reset(SERVER));
    assertEquals(2, e.rounds());
  }

  @Test
  void maxTimeCutsTheRoundShort() {
    FakeDatagrams network = new FakeDatagrams((socket, data, to) -> {});
    ResetTimeoutException e =
        assertThrows(
            ResetTimeoutException.class,
            () ->
                client(network)
                    .timeout(Duration.ofSeconds(60))
                    .maxTime(Duration.ofMillis(50))
                    .build()
                    .reset(SERVER));
    assertEquals(1, e.rounds());
    assertTrue(e.elapsed().compareTo(Duration.ofMillis(50)) >= 0);
    assertTrue(e.elapsed().compareTo(Duration.ofSeconds(60)) < 0);
  }

  @Test
  void ignoresAnAckFromAnotherPortOrAddress() throws IOException {
    FakeDatagrams network =
        new FakeDatagrams(
            (socket, data, to) -> {
              if (to.equals(V4)) {
                socket.deliver("OFFSET=1", address("192.0.2.7", PORT + 1));
                socket.deliver("OFFSET=2", address("192.0.2.8", PORT));
                socket.deliver("OFFSET=3", V6); // right address and port, wrong family's socket
                socket.deliver("OFFSET=4", V4);
              }
            });
    ResetResult r = client(network).build().reset(SERVER);
    assertEquals(4, r.offset());
    assertEquals(1, r.rounds());
    assertEquals(
        3,
        log.stream().filter(l -> l.contains("not an address and port the request went")).count());
  }

  @Test
  void ignoresMalformedAndOutOfRangeAcks() throws IOException {
    List<String> bad =
        List.of(
            "garbage",
            "OFFSET=21",
            "OFFSET=-1",
            "OFFSET=",
            "OFFSET=7x",
            "offset=7",
            " OFFSET=7",
            "");
    FakeDatagrams network =
        new FakeDatagrams(
            (socket, data, to) -> {
              if (to.equals(V6)) {
                bad.forEach(text -> socket.deliver(text, V6));
                socket.deliver("OFFSET=20", V6);
              }
            });
    ResetResult r = client(network).build().reset(SERVER);
    assertEquals(20, r.offset());
    assertEquals(1, r.rounds());
    assertEquals(
        bad.size(), log.stream().filter(l -> l.startsWith("ignored")).count(), log::toString);
  }

  @Test
  void theRangeFollowsN() throws IOException {
    FakeDatagrams network =
        new FakeDatagrams(
            (socket, data, to) -> {
              if (to.equals(V4)) {
                socket.deliver("OFFSET=6", V4);
                socket.deliver("OFFSET=5", V4);
              }
            });
    ResetResult r = client(network).n(5).build().reset(SERVER);
    assertEquals(5, r.offset());
    assertTrue(network.sent().stream().allMatch(s -> s.text().equals("RESET:5")));
  }

  @Test
  void aLateAckToAnEarlierRoundStillCounts() throws IOException {
    // the ack to round 1 is held back and arrives with round 3's: the client takes the first
    AtomicInteger requests = new AtomicInteger();
    FakeDatagrams network =
        new FakeDatagrams(
            (socket, data, to) -> {
              if (to.equals(V4) && requests.incrementAndGet() == 3) {
                socket.deliver("OFFSET=11", V4);
                socket.deliver("OFFSET=12", V4);
              }
            });
    ResetResult r = client(network).build().reset(SERVER);
    assertEquals(11, r.offset());
    assertEquals(3, r.rounds());
  }

  @Test
  void portUnreachableOnOneFamilyIsNotFatal() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    FakeDatagrams network =
        new FakeDatagrams(
            (socket, data, to) -> {
              if (to.equals(V4)) {
                socket.deliverError(new PortUnreachableException("ICMP port unreachable"));
              } else if (requests.incrementAndGet() == 2) {
                socket.deliver("OFFSET=9", V6);
              }
            });
    ResetResult r = client(network).build().reset(SERVER);
    assertEquals(9, r.offset());
    assertEquals(Family.IPV6, r.family());
    assertEquals(2, r.rounds());
    assertTrue(log.stream().anyMatch(l -> l.contains("port unreachable")), log::toString);
  }

  @Test
  void noRouteOnOneFamilyIsNotFatal() throws IOException {
    FakeDatagrams network =
        new FakeDatagrams(serverAt(V4, 1, 8))
            .failSend(INET6, new NoRouteToHostException("Network is unreachable"));
    ResetResult r = client(network).build().reset(SERVER);
    assertEquals(8, r.offset());
    assertEquals(2, r.rounds());
    assertEquals(2, log.stream().filter(l -> l.contains("Network is unreachable")).count());
  }

  @Test
  void aHostWithoutIpv6StillResetsOverIpv4() throws IOException {
    FakeDatagrams network =
        new FakeDatagrams(serverAt(V4, 0, 4))
            .failOpen(INET6, new SocketException("Protocol family unavailable"));
    ResetResult r = client(network).build().reset(SERVER);
    assertEquals(4, r.offset());
    assertTrue(log.getFirst().contains("cannot open an IPv6 socket"), log::toString);
  }

  @Test
  void noRouteOnEveryFamilyFailsAtOnce() {
    FakeDatagrams network =
        new FakeDatagrams((socket, data, to) -> {})
            .failSend(INET, new NoRouteToHostException("no route v4"))
            .failSend(INET6, new NoRouteToHostException("no route v6"));
    IOException e =
        assertThrows(NoRouteToHostException.class, () -> client(network).build().reset(SERVER));
    assertEquals("no route v4", e.getMessage());
  }

  @Test
  void anUnknownNameFails() {
    FakeDatagrams network = new FakeDatagrams((socket, data, to) -> {});
    assertThrows(
        UnknownHostException.class,
        () -> client(network).build().reset(new Endpoint("nowhere.test", PORT)));
    assertTrue(network.opened().isEmpty());
  }

  @Test
  void opensOnlyTheFamiliesTheNameHasAndClosesThemAfterwards() throws IOException {
    FakeDatagrams network = new FakeDatagrams(serverAt(V6, 0, 2));
    client(network).resolver(resolver("pmu.test", "2001:db8::7")).build().reset(SERVER);
    assertEquals(1, network.opened().size());
    assertEquals(INET6, network.opened().getFirst().family());
    assertTrue(network.opened().getFirst().isClosed());

    FakeDatagrams silent = new FakeDatagrams((socket, data, to) -> {});
    assertThrows(
        ResetTimeoutException.class, () -> client(silent).maxRounds(1).build().reset(SERVER));
    assertEquals(2, silent.opened().size());
    assertTrue(silent.opened().stream().allMatch(FakeDatagrams.FakeEndpoint::isClosed));
  }

  @Test
  void aLateAckSaysWhichRoundItAnsweredAndItsRoundTripIsFromThatRoundsSend() throws IOException {
    // The network is slower than the time-out: the ack to round 1 arrives after round 2 went out.
    List<FakeDatagrams.FakeEndpoint> v4Senders = new CopyOnWriteArrayList<>();
    FakeDatagrams network =
        new FakeDatagrams(
            (socket, data, to) -> {
              if (to.equals(V4)) {
                v4Senders.add(socket);
                if (v4Senders.size() == 2) {
                  v4Senders.getFirst().deliver("OFFSET=7", V4);
                }
              }
            });
    ResetResult r = client(network).build().reset(SERVER);
    assertEquals(7, r.offset());
    assertEquals(2, r.rounds());
    assertEquals(1, r.answeredRound());
    assertTrue(r.answeredAnEarlierRound());
    // measured from round 1's send, so at least the time-out round 1 waited before round 2
    assertTrue(r.roundTrip().compareTo(ROUND) >= 0, r.roundTrip()::toString);
    assertTrue(
        v4Senders.get(0).localAddress().getPort() != v4Senders.get(1).localAddress().getPort(),
        "each round from a port of its own");
    assertTrue(network.opened().stream().allMatch(FakeDatagrams.FakeEndpoint::isClosed));
  }

  @Test
  void anAckToTheLastRoundIsNotAnEarlierRound() throws IOException {
    ResetResult r = client(new FakeDatagrams(serverAt(V6, 2, 4))).build().reset(SERVER);
    assertEquals(3, r.rounds());
    assertEquals(3, r.answeredRound());
    assertFalse(r.answeredAnEarlierRound());
  }

  @Test
  void onlyTheLatestRoundsKeepListening() {
    AtomicReference<FakeDatagrams> network = new AtomicReference<>();
    List<Long> listeningAtEachSend = new CopyOnWriteArrayList<>();
    network.set(
        new FakeDatagrams(
            (socket, data, to) ->
                listeningAtEachSend.add(
                    network.get().opened().stream().filter(e -> !e.isClosed()).count())));
    int rounds = ResetClient.LISTENING_ROUNDS + 5;
    assertThrows(
        ResetTimeoutException.class,
        () ->
            client(network.get())
                .timeout(Duration.ofMillis(5))
                .maxRounds(rounds)
                .build()
                .reset(SERVER));
    assertEquals(2 * rounds, network.get().opened().size(), "two new sockets per round");
    assertEquals(2L * ResetClient.LISTENING_ROUNDS, Collections.max(listeningAtEachSend));
    assertTrue(network.get().opened().stream().allMatch(FakeDatagrams.FakeEndpoint::isClosed));
  }

  @Test
  void theBuilderRejectsBadValues() {
    ResetClient.Builder b = ResetClient.builder();
    for (Runnable bad :
        Map.<String, Runnable>of(
                "zero timeout", () -> b.timeout(Duration.ZERO),
                "negative timeout", () -> b.timeout(Duration.ofMillis(-1)),
                "negative rounds", () -> b.maxRounds(-1),
                "negative n", () -> b.n(-1),
                "huge n", () -> b.n(1_000_000_000),
                "negative max time", () -> b.maxTime(Duration.ofSeconds(-1)))
            .values()) {
      assertThrows(IllegalArgumentException.class, bad::run);
    }
    assertThrows(NullPointerException.class, () -> b.resolver(null));
  }
}
