package lab3.apps.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.CommandRunner;
import lab3.apps.cli.Io;
import lab3.apps.cli.UsageException;
import lab3.netlab.LabEnvironment;
import lab3.netlab.NetlabEnvironment;
import lab3.report.Captures;
import lab3.report.DemoPart;
import lab3.report.Failures;
import lab3.report.ReportContext;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 demo}: every part of the lab end to end against emulators, with a short summary per
 * part, measured by the report's own experiments on a small scale (n = 4, 50 resets). On loopback
 * by default (fast, no captures); {@code --network netlab} runs it across the lab network's two
 * hosts, with captures. Exit status 1 if any part failed.
 */
public final class DemoCommand extends CliCommand {
  static final int MESSAGES = 4;
  static final int RUNS = 50;

  private final CommandRunner lab3;

  /** {@code lab3} runs a command line in this process: the hand-in part runs submit and grade. */
  public DemoCommand(CommandRunner lab3) {
    super("demo", "", "run every part of the lab end to end against local emulators", 0, 0);
    this.lab3 = lab3;
  }

  List<DemoPart> parts() {
    List<DemoPart> parts = new ArrayList<>(DemoPart.labParts());
    parts.add(new HandInDemo(lab3));
    return parts;
  }

  @Override
  protected void options(Options options) {
    options.addOption(
        Option.builder()
            .longOpt("network")
            .hasArg()
            .argName("NET")
            .desc(
                "loopback (default: this machine's lo, no captures) or netlab (emulators on"
                    + " labhost, clients on pc, captures; root on Linux)")
            .get());
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    String network = line.getOptionValue("network", "loopback");
    if (!network.equals("loopback") && !network.equals("netlab")) {
      throw new UsageException("--network must be loopback or netlab, got '" + network + "'");
    }
    Path dir = Files.createTempDirectory("lab3-demo-");
    try (LabEnvironment net =
        network.equals("netlab")
            ? NetlabEnvironment.start(
                "lab3demo" + ProcessHandle.current().pid(), 1500, NetlabEnvironment.DELAY)
            : LabEnvironment.loopback()) {
      Captures captures = Captures.system();
      Optional<String> noCapture =
          net.shared()
              ? Optional.of("the demo takes no captures on loopback (./lab3 report does)")
              : captures.unavailableReason();
      ReportContext ctx =
          new ReportContext(
              net,
              captures,
              noCapture,
              dir,
              MESSAGES,
              RUNS,
              0.3,
              1,
              new String[] {"123456", "654321"},
              m -> {});
      io.out().println("Network: " + net.profile() + ".");
      io.out().println();
      return runParts(ctx, io);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private int runParts(ReportContext ctx, Io io) {
    long start = System.nanoTime();
    int failed = 0;
    for (DemoPart part : parts()) {
      io.out().println("== " + part.title());
      io.out().flush();
      try {
        part.run(io.out(), ctx);
      } catch (Exception e) {
        failed++;
        io.out().println("   FAILED: " + Failures.describe(e));
      }
      io.out().println();
      io.out().flush();
    }
    io.out()
        .printf(
            "Demo finished in %.1f s: %d of %d parts worked.%n",
            (System.nanoTime() - start) / 1e9, parts().size() - failed, parts().size());
    io.out().flush();
    return failed == 0 ? 0 : 1;
  }
}
