package lab3.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab3.netlab.LabEnvironment;
import lab3.netlab.NetlabEnvironment;
import lab3.pmu.PmuServer;
import lab3.transport.Endpoint;

/**
 * Q13.3, the network's factors varied one at a time: {@code CMD_short:0} and floodme again on lab
 * networks that differ from the report's in one thing only, the link's delay or its MTU. The read()
 * size, the third factor, is varied by {@link Part2Experiment} on the report's own network. Needs a
 * network whose link can be chosen (netlab); elsewhere it reports why not.
 */
public final class FactorsExperiment {
  /** The one-way delays tried (the report's network has {@link NetlabEnvironment#DELAY}). */
  public static final List<Duration> DELAYS = List.of(Duration.ZERO, Duration.ofMillis(20));

  /** The MTUs tried: IPv6's minimum and a jumbo frame. */
  public static final List<Integer> MTUS = List.of(1280, 9000);

  /**
   * One network of the comparison.
   *
   * @param factor "delay" or "MTU"
   * @param mtu the link's MTU
   * @param delayMillis the one-way delay
   * @param short0 {@code CMD_short:0} on it
   * @param flood {@code CMD_floodme} on it
   */
  public record Variant(
      String factor, int mtu, long delayMillis, StreamRun short0, StreamRun flood) {}

  /**
   * @param why why nothing was varied (loopback, a real host), or null
   * @param variants the networks tried
   */
  public record Result(String why, List<Variant> variants) {}

  private FactorsExperiment() {}

  public static Result run(ReportContext ctx) throws Exception {
    LabEnvironment base = ctx.network();
    List<Variant> variants = new ArrayList<>();
    Duration delay = base.delay();
    if (base.shared() || !base.startsServers()) {
      return new Result(
          base.shared()
              ? "the link of loopback cannot be changed (it is this machine's); run the report on"
                  + " the lab network (as root) to vary the delay and the MTU"
              : "the link to a real lab host cannot be changed from here",
          List.of());
    }
    for (Duration d : DELAYS) {
      variants.add(variant(ctx, "delay", base.mtu(), d));
    }
    for (int mtu : MTUS) {
      variants.add(variant(ctx, "MTU", mtu, delay));
    }
    return new Result(null, variants);
  }

  private static Variant variant(ReportContext ctx, String factor, int mtu, Duration delay)
      throws Exception {
    try (LabEnvironment net = ctx.network().variant(mtu, delay).orElseThrow()) {
      ReportContext on = ctx.on(net);
      try (PmuServer pmu = Part2Experiment.server(on)) {
        Endpoint at = new Endpoint(LabEnvironment.text(net.serverV6()), pmu.port());
        String tag = "factor-" + (factor.equals("MTU") ? "mtu" + mtu : "delay" + delay.toMillis());
        StreamRun short0 = Part2Experiment.session(on, tag, pmu.port(), at, "CMD_short:0", 0);
        StreamRun flood = Part2Experiment.session(on, tag, pmu.port(), at, "CMD_floodme", 0);
        return new Variant(factor, mtu, delay.toMillis(), short0, flood);
      }
    }
  }
}
