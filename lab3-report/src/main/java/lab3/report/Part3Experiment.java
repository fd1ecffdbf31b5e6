package lab3.report;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import lab3.netlab.LabEnvironment;
import lab3.reset.LossStatistics;
import lab3.reset.ResetClient;
import lab3.reset.ResetResult;
import lab3.reset.ResetServer;
import lab3.transport.Endpoint;
import lab3.transport.Family;
import lab3.transport.Resolver;

/**
 * Q14 and Q15: the reset client against an IPv6-only emulator that drops requests with the
 * configured probability; one run under a capture (when and over which family the ack came, seen on
 * the wire), then {@code runs} runs for the histogram and the loss estimate.
 */
public final class Part3Experiment {
  /** The client's time-out per round: shorter than the lab's 1 s so that 100 runs take seconds. */
  public static final Duration TIMEOUT = Duration.ofMillis(100);

  static final String NAME = "pmu.report.test";

  /**
   * @param ackedAt when the first run's ack arrived (ISO-8601, UTC)
   * @param family its family as the client saw it
   * @param wireFamily the family of the ack in the capture ("IPv4"/"IPv6"), or null
   * @param requestsOnWire datagrams the client sent in that run (both families), or null
   * @param acksOnWire datagrams from the server in that run, or null
   * @param histogram rounds per ack -> runs
   * @param low the 95% interval's lower end for the loss
   * @param configuredLoss the emulator's loss, NaN against a real server (its own is unknown)
   * @param client the command a student types for the same runs, or null
   */
  public record Result(
      String ackedAt,
      String family,
      int firstRounds,
      String wireFamily,
      Integer requestsOnWire,
      Integer acksOnWire,
      String capture,
      String countCommand,
      int runs,
      double configuredLoss,
      long timeoutMillis,
      SortedMap<Integer, Integer> histogram,
      SortedMap<Integer, Double> geometric,
      double meanPackets,
      double lossEstimate,
      double low,
      double high,
      int gaveUp,
      String client) {
    public boolean intervalHoldsConfiguredLoss() {
      return low <= configuredLoss && configuredLoss <= high;
    }
  }

  private Part3Experiment() {}

  /** The lab's port of the reset PMU. */
  public static final int LAB_PORT = 5004;

  public static Result run(ReportContext ctx) throws Exception {
    LabEnvironment net = ctx.network();
    List<InetAddress> both = List.of(net.serverV4(), net.serverV6());
    Resolver resolver = host -> host.equals(NAME) ? both : Resolver.SYSTEM.resolve(host);
    try (ResetServer pmu =
        net.startsServers()
            ? net.onServer(
                () ->
                    ResetServer.builder()
                        .family(Family.IPV6)
                        .loopback(net.shared())
                        .port(net.port(LAB_PORT))
                        .loss(ctx.loss())
                        .random(new Random(ctx.seed()))
                        .build()
                        .start())
            : null) {
      int port = pmu == null ? LAB_PORT : pmu.port();
      Endpoint at = new Endpoint(NAME, port);
      ResetClient client = ResetClient.builder().resolver(resolver).timeout(TIMEOUT).build();
      Path file = ctx.capture("part3-reset");
      Captures.Capture capture =
          ctx.capturing() ? ctx.captures().start(ctx.network(), "udp port " + port, file) : null;
      ResetResult first;
      try {
        first = net.onClient(() -> client.reset(at));
      } finally {
        if (capture != null) {
          capture.close();
        }
      }
      String wireFamily = null;
      Integer requests = null;
      Integer acks = null;
      String count = null;
      if (capture != null) {
        String ackFilter = "udp.srcport==" + port;
        List<String[]> ackRows = ctx.captures().fields(file, List.of(), ackFilter, "ipv6.src");
        acks = ackRows.size();
        if (!ackRows.isEmpty()) {
          wireFamily = ackRows.getFirst()[0].isEmpty() ? "IPv4" : "IPv6";
        }
        requests =
            ctx.captures().fields(file, List.of(), "udp.dstport==" + port, "udp.length").size();
        count = ctx.captures().countCommand(file, List.of(), ackFilter);
      }
      LossStatistics stats = new LossStatistics();
      stats.add(first);
      net.onClient(
          () -> {
            for (int i = 1; i < ctx.runs(); i++) {
              stats.add(client.reset(at));
            }
            return null;
          });
      return summarize(
          first,
          wireFamily,
          requests,
          acks,
          capture == null ? null : ctx.out().relativize(file).toString(),
          count,
          stats,
          net.startsServers() ? ctx.loss() : Double.NaN,
          net.clientShell()
              + "./lab3 part3-stats --timeout "
              + TIMEOUT.toMillis() / 1e3
              + " --runs "
              + ctx.runs()
              + " "
              + net.serverName()
              + " "
              + port);
    }
  }

  /** The Q15 figures of {@code stats} (separate so that a test can feed chosen runs). */
  static Result summarize(
      ResetResult first,
      String wireFamily,
      Integer requests,
      Integer acks,
      String capture,
      String count,
      LossStatistics stats,
      double loss,
      String client) {
    LossStatistics.Interval ci = stats.lossInterval(LossStatistics.Z_95);
    SortedMap<Integer, Double> geometric = new TreeMap<>();
    for (int k : stats.histogram().keySet()) {
      geometric.put(k, stats.geometric(k));
    }
    return new Result(
        first.ackedAt().toString(),
        first.familyName(),
        first.rounds(),
        wireFamily,
        requests,
        acks,
        capture,
        count,
        stats.acks() + stats.gaveUp(),
        loss,
        TIMEOUT.toMillis(),
        new TreeMap<>(stats.histogram()),
        geometric,
        stats.meanPacketsPerAck(),
        stats.lossEstimate(),
        ci.low(),
        ci.high(),
        stats.gaveUp(),
        client);
  }
}
