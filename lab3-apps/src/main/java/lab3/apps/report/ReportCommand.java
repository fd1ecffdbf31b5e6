package lab3.apps.report;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.UsageException;
import lab3.netlab.LabEnvironment;
import lab3.netlab.LabNetwork;
import lab3.netlab.NetlabEnvironment;
import lab3.report.Captures;
import lab3.report.LabReport;
import lab3.report.ReportContext;
import lab3.report.ReportFiles;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 report}: the lab's 21 questions answered by measurement. Runs every experiment
 * against the emulators, captures the packets, and writes REPORT.md, report.html, report.json and
 * captures/ to the output directory. stdout gets the paths written, one per line; progress goes to
 * stderr, one line per experiment. Exit status 1 when an experiment failed (the others are still
 * reported).
 */
public final class ReportCommand extends CliCommand {

  public ReportCommand() {
    super(
        "report",
        "",
        "answer the lab's Q1-Q21 by measurement: REPORT.md, HTML, JSON, captures",
        0,
        0);
  }

  @Override
  protected void options(Options options) {
    options.addOption(
        Option.builder().longOpt("out").hasArg().argName("DIR").desc("default: report").get());
    options.addOption(
        Option.builder()
            .longOpt("network")
            .hasArg()
            .argName("NET")
            .desc(
                "netlab (the lab network of two namespaces; the default as root on Linux) or"
                    + " loopback (this machine's lo)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("server")
            .hasArg()
            .argName("HOST")
            .desc(
                "measure against a lab host's servers (ports 5003-5006, group 224.1.1.1:5005)"
                    + " instead of emulators")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("runs")
            .hasArg()
            .argName("R")
            .desc("Q15's resets, default 100")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("messages")
            .hasArg()
            .argName("N")
            .desc("the PMU's n per CMD_short, default 20")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("loss")
            .hasArg()
            .argName("P")
            .desc("the reset emulator's loss, default 0.3")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("seed")
            .hasArg()
            .argName("S")
            .desc("the emulators' seed, default 1")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("camipro")
            .numberOfArgs(2)
            .argName("A B")
            .desc("Part 4's two senders, default 123456 654321")
            .get());
  }

  @Override
  protected String footer() {
    return """
        Example: ./lab3 report --out r && xdg-open r/report.html
        Packets are counted by dumpcap and tshark (Debian's package tshark; root or the
        wireshark group). Without them the answers that need packets say so.""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    Path out = Path.of(line.getOptionValue("out", "report"));
    String network = line.getOptionValue("network", "");
    if (!network.isEmpty() && !network.equals("loopback") && !network.equals("netlab")) {
      throw new UsageException("--network must be loopback or netlab, got '" + network + "'");
    }
    int runs = Args.intOption(line, "runs", 100);
    if (runs < 1 || runs > 100_000) {
      throw new UsageException("--runs must be between 1 and 100000, got " + runs);
    }
    int messages = Args.intOption(line, "messages", 20);
    if (messages < 1 || messages > 10_000) {
      throw new UsageException("--messages must be between 1 and 10000, got " + messages);
    }
    double loss =
        line.hasOption("loss") ? Args.decimal("--loss", line.getOptionValue("loss")) : 0.3;
    if (!(loss >= 0 && loss < 1)) {
      throw new UsageException("--loss must be at least 0 and below 1, got " + loss);
    }
    long seed =
        line.hasOption("seed") ? Args.longInteger("--seed", line.getOptionValue("seed")) : 1;
    String[] camipro =
        line.hasOption("camipro")
            ? line.getOptionValues("camipro")
            : new String[] {"123456", "654321"};
    for (String c : camipro) {
      if (!c.matches("[0-9]{6}")) {
        throw new UsageException("a CAMIPRO number has 6 digits, got '" + c + "'");
      }
    }
    String server = line.getOptionValue("server");
    if (server != null && !network.isEmpty()) {
      throw new UsageException("--server and --network exclude each other");
    }
    if (server != null) {
      network = "server";
    }
    Optional<String> noNetlab =
        network.equals("netlab") || network.isEmpty() ? netlabUnavailable() : Optional.empty();
    if (network.equals("netlab") && noNetlab.isPresent()) {
      io.err().println("report: no lab network: " + noNetlab.get());
      return 1;
    }
    if (network.isEmpty()) {
      network = noNetlab.isPresent() ? "loopback" : "netlab";
      io.err()
          .println(
              noNetlab.isPresent()
                  ? "report: measuring on loopback (MTU 65,536, no delay): "
                      + noNetlab.get()
                      + "; the packet counts differ from the lab's"
                  : "report: measuring on the lab network (netlab: pc and labhost, MTU 1500, "
                      + NetlabEnvironment.DELAY.toMillis()
                      + " ms of delay each way)");
    }
    Files.createDirectories(out);
    Captures captures = Captures.system();
    Optional<String> noCapture = captures.unavailableReason();
    noCapture.ifPresent(why -> io.err().println("report: no capture: " + why));
    boolean verbose = line.hasOption("verbose");
    try (LabEnvironment net =
        switch (network) {
          case "netlab" ->
              NetlabEnvironment.start(
                  "lab3rpt" + ProcessHandle.current().pid(), 1500, NetlabEnvironment.DELAY);
          case "server" -> remote(server);
          default -> LabEnvironment.loopback();
        }) {
      ReportContext ctx =
          new ReportContext(
              net,
              captures,
              noCapture,
              out,
              messages,
              runs,
              loss,
              seed,
              camipro,
              m -> {
                if (verbose) {
                  io.err().println("report: " + m);
                }
              });
      return report(ctx, io);
    }
  }

  /** The lab host {@code host}: its addresses, and the interface that leads there. */
  static LabEnvironment remote(String host) throws IOException {
    InetAddress v4 = null;
    InetAddress v6 = null;
    for (InetAddress a : InetAddress.getAllByName(host)) {
      if (a instanceof Inet4Address && v4 == null) {
        v4 = a;
      } else if (a instanceof Inet6Address && v6 == null) {
        v6 = a;
      }
    }
    String iface = LabEnvironment.interfaceTo(v4 != null ? v4 : v6);
    return LabEnvironment.remote(host, v4, v6, iface, LabEnvironment.loopback());
  }

  /** The lab network's reason to be unavailable here (not Linux, not root, ...), or empty. */
  static Optional<String> netlabUnavailable() {
    try {
      return LabNetwork.unavailableReason();
    } catch (LinkageError e) {
      return Optional.of("the lab network needs a JDK 22+ (" + e + ")");
    }
  }

  private static int report(ReportContext ctx, Io io) throws Exception {
    Path out = ctx.out();
    LabEnvironment net = ctx.network();
    String command =
        "./lab3 report "
            + (net.startsServers() ? "--network " + net.name() : "--server " + net.serverName())
            + " --runs "
            + ctx.runs()
            + " --messages "
            + ctx.messages()
            + " --loss "
            + ctx.loss()
            + " --seed "
            + ctx.seed()
            + " --camipro "
            + String.join(" ", ctx.camipro());
    LabReport.Run run =
        LabReport.run(
            ctx,
            command,
            LabReport.steps(),
            p -> {
              io.err().println(p);
              io.err().flush();
            });
    List<Path> written = ReportFiles.write(run, out);
    written.forEach(p -> io.out().println(p));
    io.out().flush();
    return run.outcomes().stream().allMatch(LabReport.Outcome::ok) ? 0 : 1;
  }
}
