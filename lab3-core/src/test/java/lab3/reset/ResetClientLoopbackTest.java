package lab3.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import lab3.transport.Endpoint;
import lab3.transport.Family;
import lab3.transport.Resolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client against the emulator on real loopback sockets, through a name that resolves to both
 * 127.0.0.1 and ::1, the server listening on one family only: the lab's situation.
 */
class ResetClientLoopbackTest {
  static final Resolver DUAL = ResetClientTest.resolver("lab3.test", "127.0.0.1", "::1");

  final List<String> clientLog = new CopyOnWriteArrayList<>();

  static Family familyOf(Family family) {
    return family;
  }

  ResetServer.Builder server(Family family) {
    return ResetServer.builder().family(family).loopback(true).port(0);
  }

  @ParameterizedTest
  @EnumSource(names = {"IPV4", "IPV6"})
  void withNoLossTheAckArrivesFarWithinTheTimeOut(Family mode) throws Exception {
    Duration timeout = Duration.ofSeconds(4);
    try (ResetServer pmu = server(mode).build().start()) {
      ResetClient client = ResetClient.builder().resolver(DUAL).timeout(timeout).build();
      for (int i = 0; i < 5; i++) {
        ResetResult r = client.reset(new Endpoint("lab3.test", pmu.port()));
        assertEquals(1, r.rounds());
        assertEquals(familyOf(mode), r.family());
        assertEquals(pmu.addresses().getFirst(), r.server());
        assertEquals(pmu.lastOffset().getAsInt(), r.offset());
        // a client that waited on one family before trying the other would need a whole time-out
        assertTrue(
            r.timeToAck().compareTo(timeout.dividedBy(2)) < 0, () -> "took " + r.timeToAck());
      }
    }
  }

  /**
   * The "done when": half the requests dropped, a bogus ack from another port and one out
   * of range before every real one. Ten resets per family each print the offset the server really
   * sent.
   */
  @ParameterizedTest
  @EnumSource(names = {"IPV4", "IPV6"})
  void findsTheRightOffsetDespiteLossAndBogusAcks(Family mode) throws Exception {
    try (ResetServer pmu =
        server(mode).loss(0.5).bogusAcks(true).random(new Random(3)).build().start()) {
      ResetClient client =
          ResetClient.builder()
              .resolver(DUAL)
              .timeout(Duration.ofMillis(100))
              .log(clientLog::add)
              .build();
      int rounds = 0;
      for (int i = 0; i < 10; i++) {
        ResetResult r = client.reset(new Endpoint("lab3.test", pmu.port()));
        assertEquals(pmu.lastOffset().getAsInt(), r.offset());
        assertEquals(familyOf(mode), r.family());
        rounds += r.rounds();
      }
      assertTrue(rounds > 10, "with half the requests lost some resets need a second round");
      assertEquals(rounds, pmu.requests());
      assertTrue(clientLog.stream().anyMatch(l -> l.contains("not an address and port")));
      assertTrue(clientLog.stream().anyMatch(l -> l.contains("out of range")));
    }
  }
}
