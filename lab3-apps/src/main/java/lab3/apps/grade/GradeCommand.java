package lab3.apps.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.netlab.LabNetwork;
import lab3.apps.report.NetlabReportNetwork;
import lab3.apps.report.ReportNetwork;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 grade <folder>}: the grading bench. Runs each part's program of a hand-in folder
 * (this project's or a Python one) against emulators and prints a score table. Exit status 0 if
 * every check passed, 1 if any failed.
 *
 * <p>Where ({@code --network}): on a lab network of the hand-in's own ({@code netlab}: the
 * emulators on {@code labhost}, the programs on {@code pc}, across one Ethernet link; see {@link
 * NetworkSandbox#unshareForLabNetworks()} for how it is made and removed), in a network namespace
 * with only {@code lo} ({@code sandbox}), or on this machine's loopback ({@code host}). {@code
 * auto} takes the first of these that can be made here and says on stderr which, and why not the
 * lab network.
 */
public final class GradeCommand extends CliCommand {

  public GradeCommand() {
    super(
        "grade",
        "<submission-folder>",
        "grade a hand-in folder Lab3_A_B/ against local emulators",
        0,
        1);
  }

  /** True if the bench can run in a network namespace of its own here (see --network). */
  public static boolean sandboxAvailable() throws InterruptedException {
    return NetworkSandbox.inside() || NetworkSandbox.unshare().isPresent();
  }

  /**
   * Every check, part by part. Timing-sensitive (re-run on failure with {@code --retries}): Part 3
   * (losses, 1 s time-outs), Part 4 (multicast within a deadline), Part 6 (a server's start-up) and
   * the {@code CMD_short:1} checks (one message a second).
   */
  static List<Check> checks(Path courseCa, Policy policy) {
    List<Check> checks = new ArrayList<>();
    checks.addAll(Part2Checks.all(policy));
    checks.addAll(Part3Checks.all());
    checks.addAll(Part4Checks.all());
    checks.addAll(Part5Checks.all());
    checks.addAll(Part6Checks.all(courseCa));
    return checks.stream()
        .map(
            c ->
                c.part().startsWith("Part3")
                        || c.part().startsWith("Part4")
                        || c.part().startsWith("Part6")
                        || c.name().startsWith("CMD_short:1 ")
                    ? c.timed()
                    : c)
        .toList();
  }

  @Override
  protected void options(Options options) {
    options.addOption(
        Option.builder()
            .longOpt("report")
            .hasArg()
            .argName("FILE")
            .desc("also write the results as JSON")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("python")
            .hasArg()
            .argName("PATH")
            .desc("the interpreter for .py programs (default python3)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("ca")
            .hasArg()
            .argName("FILE")
            .desc(
                "the course CA: Part 6 then serves the hand-in's own key and certificate"
                    + " (without it the bench issues a fresh pair)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("policy")
            .hasArg()
            .argName("FILE|show")
            .desc(
                "the grading policy: a file of rules that replace the default's; 'show' prints the"
                    + " policy in force and exits")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("parts")
            .hasArg()
            .argName("LIST")
            .desc("grade only these parts, e.g. Part2,Part5 (default all)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("network")
            .hasArg()
            .argName("MODE")
            .desc(
                "netlab: a lab network of the hand-in's own, emulators on labhost and the"
                    + " programs on pc (Linux, root, ip, JDK 22+); sandbox: a network namespace of"
                    + " the bench's own, only lo (Linux); host: this machine's loopback; auto"
                    + " (default): the first of these that can be made here")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("timeout")
            .hasArg()
            .argName("seconds")
            .desc("time limit of one program run (default 20)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("retries")
            .hasArg()
            .argName("K")
            .desc(
                "re-run a failed timing-sensitive check up to K times (default 0); passed on a"
                    + " re-run, it is 'flaky' and counts as passed")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("checks-at-once")
            .hasArg()
            .argName("N")
            .desc("checks run at the same time, each with emulators of its own (default 4)")
            .get());
  }

  @Override
  protected String footer() {
    return """
        Programs are found as Part2_A_B (executable) or Part2_A_B.py (run with python3), and so on
        for Part3, Part4_Receiver, Part4_Sender, Part5 and Part6_PMU. They run in a temporary copy
        of the folder, each under the time limit; a crash, a hang or wrong output fails that check only.
        Part 6 runs the server on localhost:5003, as the lab's graders do.
        On the lab network (netlab) the programs run on pc and reach labhost across an Ethernet
        link of MTU 1500: Part 2 is given labhost's IPv6 address, Part 3 the name tcpip.lab (both
        families, as tcpip.epfl.ch), Part 5 its IPv4 address; Part 4's TV program and listener are
        on labhost's eth0; Part 6's server runs on pc and is reached on pc's localhost:5003. The
        network is made for the hand-in and removed after, also when the bench is killed.
        In the lab network and the sandbox nothing a program sends leaves the machine, a Part 4
        sender written for the lab's Wi-Fi (no IP_MULTICAST_IF) works as it is, and port 5003 is
        always free. On the host's loopback, a Part 4 sender must send by lo (IP_MULTICAST_IF
        127.0.0.1) and port 5003 must be free. -v also prints what the emulators log (each
        client's address).
        Progress goes to stderr; the table to stdout.""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    Policy policy = Policy.defaults();
    if (line.hasOption("policy")) {
      String value = line.getOptionValue("policy");
      if (value.equals("show")) {
        io.out().print(policy.text());
        io.out().flush();
        return 0;
      }
      policy = Policy.read(Args.readableFile("--policy", value));
    }
    if (positional.isEmpty()) {
      throw new IllegalArgumentException("grade needs a submission folder Lab3_A_B");
    }
    Submission submission = Submission.open(Path.of(positional.get(0)));
    double seconds =
        line.hasOption("timeout") ? Args.decimal("--timeout", line.getOptionValue("timeout")) : 20;
    if (seconds <= 0) {
      throw new IllegalArgumentException("--timeout must be positive");
    }
    int retries = Args.intOption(line, "retries", 0);
    if (retries < 0) {
      throw new IllegalArgumentException("--retries must be 0 or more");
    }
    int atOnce = Args.intOption(line, "checks-at-once", Bench.CHECKS_AT_ONCE);
    if (atOnce < 1) {
      throw new IllegalArgumentException("--checks-at-once must be 1 or more");
    }
    String network = line.getOptionValue("network", "auto");
    if (!List.of("auto", "netlab", "sandbox", "host").contains(network)) {
      throw new IllegalArgumentException(
          "--network is auto, netlab, sandbox or host, not '" + network + "'");
    }
    String noLabNetwork = null;
    if ((network.equals("auto") || network.equals("netlab")) && !NetworkSandbox.inside()) {
      noLabNetwork = LabNetwork.unavailableReason().orElse(null);
      Optional<List<String>> unshare = Optional.empty();
      if (noLabNetwork == null) {
        unshare = NetworkSandbox.unshareForLabNetworks();
        if (unshare.isEmpty()) {
          noLabNetwork = "cannot make a sandbox for it (unshare --net --mount --pid)";
        }
      }
      if (unshare.isPresent()) {
        io.err()
            .println(
                "on a lab network of its own (network namespaces pc and labhost): emulators on"
                    + " labhost, the hand-in's programs on pc, nothing leaves the machine");
        io.err().flush();
        return NetworkSandbox.run(unshare.get(), argumentsAgain(line, positional, "netlab"), io);
      }
      if (network.equals("netlab")) {
        throw new IOException(
            "cannot grade on a lab network here: " + noLabNetwork + "; try --network sandbox");
      }
    }
    String notNetlab = noLabNetwork == null ? "" : "no lab network (" + noLabNetwork + "): ";
    if ((network.equals("auto") || network.equals("sandbox")) && !NetworkSandbox.inside()) {
      Optional<List<String>> unshare = NetworkSandbox.unshare();
      if (unshare.isPresent()) {
        io.err()
            .println(
                notNetlab
                    + "in a network namespace of its own: only lo, nothing leaves the machine");
        io.err().flush();
        return NetworkSandbox.run(unshare.get(), argumentsAgain(line, positional, "sandbox"), io);
      }
      if (network.equals("sandbox")) {
        throw new IOException(
            "cannot make a network namespace here (it needs Linux, unshare and ip, and user"
                + " namespaces or root): try --network host");
      }
      io.err()
          .println(
              notNetlab
                  + "no network namespace here: grading on this machine's loopback, where a Part 4"
                  + " sender must send by lo (IP_MULTICAST_IF 127.0.0.1)");
    }
    List<CheckResult> results;
    boolean onLabNetwork = network.equals("netlab") && NetworkSandbox.inside();
    io.err().println("grading " + submission.dir().getFileName() + " ...");
    try (ReportNetwork where =
            onLabNetwork
                // The sandbox's own /run/netns: the name cannot meet another bench's.
                ? NetlabReportNetwork.start("lab3grade", 1500, Duration.ZERO)
                : ReportNetwork.loopback();
        Bench bench =
            new Bench(
                submission,
                Duration.ofMillis((long) (seconds * 1000)),
                line.getOptionValue("python", "python3"),
                io.err(),
                where,
                line.hasOption("verbose"))) {
      Path ca = line.hasOption("ca") ? Args.readableFile("--ca", line.getOptionValue("ca")) : null;
      bench.policy(policy);
      if (where instanceof NetlabReportNetwork lab) {
        bench.labNamesInstalled(LabNames.installOnLabNetwork(where, lab.lab().pc().namespace()));
      }
      List<Check> checks = checks(ca, policy);
      if (line.hasOption("parts")) {
        List<String> parts = List.of(line.getOptionValue("parts").split(","));
        checks = checks.stream().filter(c -> parts.contains(c.part())).toList();
        if (checks.isEmpty()) {
          throw new IllegalArgumentException("--parts names no known part: " + parts);
        }
      }
      results = bench.grade(checks, retries, atOnce);
    }
    String name = submission.dir().getFileName().toString();
    Report.table(name, results, io.out());
    io.out().flush();
    if (line.hasOption("report")) {
      Files.writeString(Path.of(line.getOptionValue("report")), Report.json(name, results));
    }
    if (CheckResult.anyHarnessError(results)) {
      io.err().println("not graded: the bench itself failed on a check (see HARNESS ERROR above)");
      return 3;
    }
    return results.stream().allMatch(CheckResult::passed) ? 0 : 1;
  }

  /** This command line again, for the bench inside the sandbox, with {@code --network network}. */
  private static List<String> argumentsAgain(
      CommandLine line, List<String> positional, String network) {
    List<String> args = new ArrayList<>(List.of("grade", "--network", network));
    for (Option option : line.getOptions()) {
      if (option.getLongOpt().equals("network")) {
        continue;
      }
      args.add("--" + option.getLongOpt());
      if (option.hasArg()) {
        args.add(option.getValue());
      }
    }
    args.add("--");
    args.addAll(positional);
    return args;
  }
}
