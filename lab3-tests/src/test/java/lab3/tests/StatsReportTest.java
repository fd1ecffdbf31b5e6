package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lab3.apps.part3.StatsReport;
import lab3.reset.LossStatistics;
import lab3.reset.ResetResult;
import lab3.transport.Family;
import org.junit.jupiter.api.Test;

/** The Q15 report of {@code part3-stats}, from statistics built by hand. */
class StatsReportTest {

  static void add(LossStatistics stats, int rounds, int times) {
    for (int i = 0; i < times; i++) {
      stats.add(
          new ResetResult(
              3,
              Family.IPV4,
              new InetSocketAddress(5004),
              rounds,
              Duration.ofMillis(100),
              Duration.ofMillis(1),
              Instant.EPOCH));
    }
  }

  @Test
  void longRunsShareTheLastHistogramRow() {
    LossStatistics stats = new LossStatistics();
    add(stats, 1, 6);
    add(stats, 12, 1);
    add(stats, 30, 1);
    stats.addGaveUp(5);
    String report = StatsReport.format(stats);
    List<String> rows =
        report.lines().filter(l -> l.matches("\\s+\\d+\\+?\\s+\\d+\\s+.*")).toList();
    assertEquals(12, rows.size(), report);
    assertTrue(rows.getLast().matches("\\s+12\\+\\s+2\\s+25\\.0%.*"), rows.getLast());
    assertTrue(report.startsWith("runs              9 (8 acked, 1 gave up)\n"), report);
    // R = 8 acks over S = 6 + 12 + 30 + 5 = 53 packets
    assertTrue(report.contains("p = 0.849"), report);
    assertTrue(report.contains("S = 53 packets"), report);
    assertTrue(report.contains("acks over IPv4    8 (100%)"), report);
    assertTrue(report.contains("mean time to ack  0.100 s"), report);
  }

  @Test
  void aRunWithNoAckStillEstimatesTheLoss() {
    LossStatistics stats = new LossStatistics();
    stats.addGaveUp(10);
    String report = StatsReport.format(stats);
    assertTrue(report.contains("p = 1.000"), report);
    assertTrue(!report.contains("packets per ack"), report);
  }
}
