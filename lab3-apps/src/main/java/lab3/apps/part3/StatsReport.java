package lab3.apps.part3;

import java.util.Locale;
import java.util.SortedMap;
import lab3.reset.LossStatistics;
import lab3.transport.Family;

/** The text {@code part3-stats} prints: the lab's Q15 answered from a {@link LossStatistics}. */
public final class StatsReport {
  /** Histogram rows shown one by one; longer runs share the last row. */
  static final int ROWS = 12;

  private static final int BAR = 40;

  private StatsReport() {}

  public static String format(LossStatistics stats) {
    StringBuilder out = new StringBuilder();
    int runs = stats.acks() + stats.gaveUp();
    line(out, "runs              %d (%d acked, %d gave up)", runs, stats.acks(), stats.gaveUp());
    if (stats.rounds() == 0) {
      return out.toString();
    }
    if (stats.acks() > 0) {
      line(
          out,
          "packets per ack   mean %.2f   (Q15: packets sent to get one ack)",
          stats.meanPacketsPerAck());
      histogram(out, stats);
    }
    double q = stats.successEstimate();
    LossStatistics.Interval ci = stats.lossInterval(LossStatistics.Z_95);
    line(
        out,
        "loss probability  p = %.3f   maximum-likelihood estimate p = 1 - R/S, R = %d acks,"
            + " S = %d packets",
        stats.lossEstimate(),
        stats.acks(),
        stats.rounds());
    line(
        out,
        "  95%% interval    [%.3f, %.3f]   Wilson score interval on q = R/S = %.3f over S trials",
        ci.low(),
        ci.high(),
        q);
    if (stats.acks() > 0) {
      share(out, "acks over IPv4  ", stats.acksOver(Family.IPV4), stats.acks());
      share(out, "acks over IPv6  ", stats.acksOver(Family.IPV6), stats.acks());
      line(out, "mean time to ack  %.3f s", stats.meanTimeToAck().toNanos() / 1e9);
    }
    return out.toString();
  }

  /** Observed runs per packet count, next to what the geometric law with the estimated q says. */
  private static void histogram(StringBuilder out, LossStatistics stats) {
    SortedMap<Integer, Integer> counts = stats.histogram();
    int acks = stats.acks();
    int last = Math.min(counts.lastKey(), ROWS);
    line(
        out,
        "  packets   runs  observed  geometric   (# observed, | geometric with q = %.3f)",
        stats.successEstimate());
    for (int k = 1; k <= last; k++) {
      boolean tail = k == ROWS && counts.lastKey() > ROWS;
      int n =
          tail
              ? counts.tailMap(k).values().stream().mapToInt(i -> i).sum()
              : counts.getOrDefault(k, 0);
      double predicted = tail ? Math.pow(1 - stats.successEstimate(), k - 1) : stats.geometric(k);
      double observed = (double) n / acks;
      line(
          out,
          "  %7s  %5d  %7.1f%%  %8.1f%%   %s",
          tail ? k + "+" : String.valueOf(k),
          n,
          100 * observed,
          100 * predicted,
          bar(observed, predicted));
    }
  }

  /** '#' for the observed share, '|' where the predicted one ends. */
  static String bar(double observed, double predicted) {
    int o = (int) Math.round(observed * BAR);
    int p = (int) Math.round(predicted * BAR);
    StringBuilder bar = new StringBuilder("#".repeat(o));
    if (p >= o) {
      bar.append(" ".repeat(p - o)).append('|');
    } else {
      bar.setCharAt(Math.max(p - 1, 0), '|');
    }
    return bar.toString().stripTrailing();
  }

  private static void share(StringBuilder out, String label, int n, int total) {
    line(out, "%s  %d (%.0f%%)", label, n, 100.0 * n / total);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
