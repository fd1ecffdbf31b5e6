package lab3.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import lab3.reset.internal.ResetResponder;
import lab3.transport.Family;
import org.junit.jupiter.api.Test;

class LossStatisticsTest {

  static ResetResult result(int rounds, Family family, long millis) {
    return new ResetResult(
        1,
        family,
        new InetSocketAddress(5004),
        rounds,
        Duration.ofMillis(millis),
        Duration.ofMillis(1),
        Instant.EPOCH);
  }

  @Test
  void countsPacketsPerAckFamiliesAndTimes() {
    LossStatistics stats = new LossStatistics();
    stats.add(result(1, Family.IPV4, 10));
    stats.add(result(3, Family.IPV6, 2010));
    stats.add(result(2, Family.IPV6, 980));
    stats.addGaveUp(4);
    assertEquals(3, stats.acks());
    assertEquals(1, stats.gaveUp());
    assertEquals(10, stats.rounds());
    assertEquals(2.0, stats.meanPacketsPerAck(), 1e-12);
    assertEquals(Map.of(1, 1, 2, 1, 3, 1), stats.histogram());
    assertEquals(1, stats.acksOver(Family.IPV4));
    assertEquals(2, stats.acksOver(Family.IPV6));
    assertEquals(Duration.ofMillis(1000), stats.meanTimeToAck());
    // R = 3 acks over S = 10 rounds, those of the run that gave up included
    assertEquals(0.7, stats.lossEstimate(), 1e-12);
  }

  @Test
  void theGeometricLawSumsToOneWithMeanOneOverQ() {
    LossStatistics stats = new LossStatistics();
    stats.add(result(1, Family.IPV4, 1));
    stats.add(result(3, Family.IPV4, 1));
    double q = stats.successEstimate();
    assertEquals(0.5, q, 1e-12);
    double total = 0;
    double mean = 0;
    for (int k = 1; k < 200; k++) {
      total += stats.geometric(k);
      mean += k * stats.geometric(k);
    }
    assertEquals(1, total, 1e-9);
    assertEquals(1 / q, mean, 1e-9);
    assertEquals(0.25, stats.geometric(2), 1e-12);
  }

  @Test
  void theWilsonIntervalMatchesKnownValues() {
    LossStatistics half = new LossStatistics();
    for (int i = 0; i < 50; i++) {
      half.add(result(2, Family.IPV4, 1));
    }
    LossStatistics.Interval i95 = half.lossInterval(LossStatistics.Z_95);
    assertEquals(0.4038, i95.low(), 1e-4);
    assertEquals(0.5962, i95.high(), 1e-4);

    LossStatistics none = new LossStatistics(); // 0 acks in 10 rounds: q in [0, z²/(S+z²)]
    none.addGaveUp(10);
    LossStatistics.Interval i = none.lossInterval(LossStatistics.Z_95);
    assertEquals(1 - 3.841459 / 13.841459, i.low(), 1e-5);
    assertEquals(1.0, i.high(), 1e-12);
    assertTrue(half.lossInterval(LossStatistics.Z_99).contains(0.4));
    assertTrue(!i95.contains(0.4));
  }

  @Test
  void withoutRoundsThereIsNoEstimate() {
    LossStatistics stats = new LossStatistics();
    assertTrue(Double.isNaN(stats.lossEstimate()));
    assertTrue(Double.isNaN(stats.meanPacketsPerAck()));
    assertThrows(IllegalArgumentException.class, () -> stats.lossInterval(LossStatistics.Z_95));
  }

  /**
   * The lab's Q15 end to end with the time-out scaled down: 2,000 resets through the real client
   * over a fake network whose PMU drops half the requests. The estimate must fall within the 99%
   * interval: a client that miscounted rounds (say, counted each family's packet as a round, or
   * retransmitted before the time-out) would put it far outside.
   */
  @Test
  void lossEstimateOverTwoThousandRunsAtHalfLossLiesInItsNinetyNinePercentInterval()
      throws IOException {
    ResetResponder pmu = new ResetResponder(0.5, new Random(20261128));
    InetSocketAddress server = ResetClientTest.V4;
    FakeDatagrams network =
        new FakeDatagrams(
            (socket, data, to) -> {
              if (to.equals(server) && pmu.respond(data) instanceof ResetResponder.Answer answer) {
                socket.deliver(answer.ack().toString(), server);
              }
            });
    ResetClient client =
        ResetClient.builder()
            .resolver(ResetClientTest.BOTH)
            .datagrams(network)
            .timeout(Duration.ofMillis(5))
            .build();
    LossStatistics stats = new LossStatistics();
    for (int run = 0; run < 2000; run++) {
      stats.add(client.reset(ResetClientTest.SERVER));
    }
    assertEquals(2000, stats.acks());
    assertEquals(stats.rounds(), network.sent(java.net.StandardProtocolFamily.INET).size());
    LossStatistics.Interval interval = stats.lossInterval(LossStatistics.Z_99);
    assertTrue(
        interval.contains(0.5), () -> "p = " + stats.lossEstimate() + ", 99% interval " + interval);
    assertEquals(2.0, stats.meanPacketsPerAck(), 0.15);
  }
}
