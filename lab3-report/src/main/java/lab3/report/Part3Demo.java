package lab3.report;

import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import lab3.reset.ResetClient;
import lab3.reset.ResetResult;
import lab3.reset.ResetServer;
import lab3.transport.Addresses;
import lab3.transport.Endpoint;
import lab3.transport.Family;
import lab3.transport.Resolver;

/**
 * Part 3: the reset client against the emulator on IPv4 only, then on IPv6 only, with loss and
 * bogus acks, through one name that resolves to both loopback addresses; then a short Q15 run.
 */
final class Part3Demo implements DemoPart {
  static final String NAME = "lab3.test";
  static final double LOSS = 0.3;

  @Override
  public String title() {
    return "Part 3: UDP reset over IPv4 and IPv6 at once, with loss (emulator on one family)";
  }

  @Override
  public void run(PrintStream out, ReportContext ctx) throws Exception {
    List<InetAddress> both =
        List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
    Resolver resolver = host -> host.equals(NAME) ? both : Resolver.SYSTEM.resolve(host);
    out.println("   '" + NAME + "' resolves to 127.0.0.1 and ::1; each round goes to both");
    for (Family family : List.of(Family.IPV4, Family.IPV6)) {
      try (ResetServer pmu =
          ResetServer.builder()
              .family(family)
              .loopback(true)
              .port(0)
              .loss(LOSS)
              .bogusAcks(true)
              .random(new Random(family == Family.IPV4 ? 1 : 2))
              .build()
              .start()) {
        ResetClient client =
            ResetClient.builder().resolver(resolver).timeout(Duration.ofMillis(100)).build();
        out.printf(
            "   emulator %s only on %s, loss %.1f, bogus acks from another port:%n",
            family.displayName(), Addresses.format(pmu.addresses().getFirst()), LOSS);
        for (int i = 0; i < 3; i++) {
          ResetResult r = client.reset(new Endpoint(NAME, pmu.port()));
          if (r.offset() != pmu.lastOffset().orElse(-1)) {
            throw new IllegalStateException(
                "client took OFFSET=" + r.offset() + ", server sent " + pmu.lastOffset());
          }
          out.printf(
              "     OFFSET=%-2d over %s after %d round%s, %.0f ms (timeout 100 ms)%n",
              r.offset(),
              r.familyName(),
              r.rounds(),
              r.rounds() == 1 ? "" : "s",
              r.timeToAck().toNanos() / 1e6);
        }
      }
    }
    stats(out, ctx);
  }

  /** Q15 in small: the report's Part 3 experiment (its runs against an IPv6-only emulator). */
  private static void stats(PrintStream out, ReportContext ctx) throws Exception {
    Part3Experiment.Result r = Part3Experiment.run(ctx);
    out.printf(
        Locale.ROOT,
        "   %d runs against an IPv6-only emulator with loss %.1f: first ack over %s after %d"
            + " round(s); %.2f packets per ack, loss %.3f (95%% interval %.3f to %.3f)%n",
        r.runs(),
        r.configuredLoss(),
        r.family(),
        r.firstRounds(),
        r.meanPackets(),
        r.lossEstimate(),
        r.low(),
        r.high());
    out.println(
        "   Q15: packets per ack follow a geometric law with mean 1/(1-p); here 1/(1-p) = "
            + String.format(Locale.ROOT, "%.2f", 1 / (1 - r.lossEstimate()))
            + ", the interval "
            + (r.intervalHoldsConfiguredLoss() ? "holds" : "misses")
            + " the configured loss.");
  }
}
