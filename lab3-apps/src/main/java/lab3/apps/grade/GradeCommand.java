package lab3.apps.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab3.apps.cli.Args;
import lab3.apps.cli.BenchOptions;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.grading.Bench;
import lab3.grading.Check;
import lab3.grading.CheckResult;
import lab3.grading.LabNames;
import lab3.grading.Limits;
import lab3.grading.NetworkSandbox;
import lab3.grading.Part2Checks;
import lab3.grading.Part3Checks;
import lab3.grading.Part4Checks;
import lab3.grading.Part5Checks;
import lab3.grading.Part6Checks;
import lab3.grading.Policy;
import lab3.grading.ProgramCgroup;
import lab3.grading.Report;
import lab3.grading.Sandbox;
import lab3.grading.Submission;
import lab3.netlab.LabEnvironment;
import lab3.netlab.LabNetwork;
import lab3.netlab.NetlabEnvironment;
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
 *
 * <p>How ({@code --sandbox}): each program runs contained ({@link Sandbox}), under {@link Limits}
 * ({@code --memory}, {@code --pids}, {@code --cpu-time}, {@code --file-size}, {@code --output});
 * where no sandbox can be made, grading refuses unless {@code --unsafe-no-sandbox}, which every
 * report then says.
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
    checks.addAll(Part6Checks.all(courseCa, policy));
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
    options.addOption(BenchOptions.python());
    options.addOption(BenchOptions.ca());
    options.addOption(
        BenchOptions.policy("FILE|show", "'show' prints the policy in force and exits"));
    options.addOption(BenchOptions.parts());
    options.addOption(BenchOptions.network());
    options.addOption(BenchOptions.timeout());
    options.addOption(BenchOptions.retries("0"));
    BenchOptions.addContainment(options);
    options.addOption(BenchOptions.checksAtOnce(String.valueOf(Bench.CHECKS_AT_ONCE)));
  }

  @Override
  protected String footer() {
    return """
        Programs are found as Part2_A_B.java (compiled once with javac, lib/* on the class path, then
        run with java), Part2_A_B.py (run with a python3 that has websocket-client, said on stderr),
        Part2_A_B.jar (java -jar) or Part2_A_B (by its #! line, executable bit or not; without one,
        by its content: Python or Java source), and so on for Part3, Part4_Receiver, Part4_Sender,
        Part5 and Part6_PMU. A file that is there but cannot run (Java that does not compile) fails
        its checks with the reason. Programs run in a temporary copy of the folder, each under the
        time limit; a crash, a hang or wrong output fails that check only.
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
        Each program runs contained (bubblewrap): as user nobody without capabilities, seeing
        /usr, a few files of /etc and its own copy of the hand-in (its only writable place), with
        a private /tmp and processes of its own; a check that ends kills all of them. A program
        that goes beyond --memory, --pids, --cpu-time, --file-size or --output fails its check,
        with the limit named. Where no sandbox can be made, grade refuses (exit 1) unless
        --unsafe-no-sandbox; inside a grading engine's container, --sandbox container.
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
    double seconds = BenchOptions.readTimeout(line);
    int retries = BenchOptions.readRetries(line, 0);
    int atOnce = BenchOptions.readChecksAtOnce(line, Bench.CHECKS_AT_ONCE);
    Sandbox.Mode containment = containment(line);
    Limits limits =
        Limits.DEFAULT
            .with(
                line.getOptionValue("memory"),
                line.getOptionValue("pids"),
                line.getOptionValue("cpu-time"),
                line.getOptionValue("file-size"),
                line.getOptionValue("output"))
            .withHandInMemory(line.getOptionValue("hand-in-memory"));
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
        return NetworkSandbox.run(
            unshare.get(), argumentsAgain(line, positional, "netlab"), io.out(), io.err());
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
        return NetworkSandbox.run(
            unshare.get(), argumentsAgain(line, positional, "sandbox"), io.out(), io.err());
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
    try (LabEnvironment where =
            onLabNetwork
                // The sandbox's own /run/netns: the name cannot meet another bench's.
                ? NetlabEnvironment.start("lab3grade", 1500, Duration.ZERO)
                : NetworkSandbox.inside() ? LabEnvironment.sandbox() : LabEnvironment.loopback();
        Bench bench =
            new Bench(
                submission,
                Duration.ofMillis((long) (seconds * 1000)),
                line.getOptionValue("python"),
                io.err(),
                where,
                line.hasOption("verbose"),
                containment,
                limits)) {
      Optional<String> noSandbox = bench.sandbox().unavailableReason();
      if (noSandbox.isPresent()) {
        throw new IOException(refusal(noSandbox.get()));
      }
      io.err().println(containmentLine(containment, limits));
      Path ca = line.hasOption("ca") ? Args.readableFile("--ca", line.getOptionValue("ca")) : null;
      bench.policy(policy);
      if (where instanceof NetlabEnvironment lab) {
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
    if (containment == Sandbox.Mode.NONE) {
      io.out().println(UNSAFE_WARNING);
      io.err().println(UNSAFE_WARNING);
    }
    io.out().flush();
    if (line.hasOption("report")) {
      Files.writeString(
          Path.of(line.getOptionValue("report")),
          Report.json(
              name,
              results,
              containment == Sandbox.Mode.NONE
                  ? UNSAFE_WARNING
                  : containment.name().toLowerCase(java.util.Locale.ROOT)));
    }
    if (CheckResult.anyHarnessError(results)) {
      io.err().println("not graded: the bench itself failed on a check (see HARNESS ERROR above)");
      return 3;
    }
    return results.stream().allMatch(CheckResult::passed) ? 0 : 1;
  }

  /** The line every report of a bench run with --unsafe-no-sandbox carries. */
  public static final String UNSAFE_WARNING =
      "WARNING: graded without a sandbox (--unsafe-no-sandbox): the hand-in's programs ran"
          + " with this machine's files and could read or change them";

  /**
   * For {@code grade-class}: validates {@code --sandbox} ({@code mode}, null for the default) and
   * {@code --unsafe-no-sandbox}, and refuses, as {@code grade} would, where the hand-ins' programs
   * cannot be contained here.
   *
   * @throws IOException with the reason in one line, if they cannot
   */
  public static void checkContainment(String mode, boolean unsafe) throws IOException {
    Sandbox.Mode containment = containment(mode, unsafe);
    Path probe = Files.createTempDirectory("lab3-sandbox-probe-");
    try {
      Files.setPosixFilePermissions(
          probe, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
      Path home = Files.createDirectory(probe.resolve("home"));
      Sandbox sandbox =
          Sandbox.builder().mode(containment).home(home.toRealPath(), probe.toRealPath()).build();
      sandbox.handOver();
      Optional<String> why = sandbox.unavailableReason();
      if (why.isPresent()) {
        throw new IOException(refusal(why.get()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      try (var files = Files.walk(probe)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static String refusal(String why) {
    return "cannot contain the hand-in's programs here: "
        + why
        + "; refusing to run untrusted code uncontained (--sandbox container inside a"
        + " grading engine's container, --unsafe-no-sandbox to grade anyway)";
  }

  private static Sandbox.Mode containment(CommandLine line) {
    return containment(line.getOptionValue("sandbox"), line.hasOption("unsafe-no-sandbox"));
  }

  private static Sandbox.Mode containment(String option, boolean unsafe) {
    String mode = option == null ? "bubblewrap" : option;
    if (unsafe) {
      if (option != null) {
        throw new IllegalArgumentException("--sandbox and --unsafe-no-sandbox exclude each other");
      }
      return Sandbox.Mode.NONE;
    }
    return switch (mode) {
      case "bubblewrap", "bwrap" -> Sandbox.Mode.BUBBLEWRAP;
      case "container" -> Sandbox.Mode.CONTAINER;
      default ->
          throw new IllegalArgumentException(
              "--sandbox is bubblewrap or container, not '" + mode + "'");
    };
  }

  /** One line on stderr: how the programs run and what that guarantees. */
  private static String containmentLine(Sandbox.Mode mode, Limits limits) {
    Optional<String> noCgroups = ProgramCgroup.unavailableReason();
    String limitsSaid =
        "limits per program: "
            + (noCgroups.isEmpty()
                ? Limits.describe(limits.memory())
                    + " of memory, "
                    + limits.processes()
                    + " processes and threads, "
                : "")
            + limits.cpuTime().toSeconds()
            + " s of CPU, files of "
            + Limits.describe(limits.fileSize())
            + ", "
            + Limits.describe(limits.output())
            + " of output kept"
            + (noCgroups.isEmpty()
                ? "; "
                    + Limits.describe(limits.handInMemory())
                    + " for the hand-in's programs at once"
                : "")
            + noCgroups.map(why -> "; memory and processes NOT limited (" + why + ")").orElse("");
    String who =
        Sandbox.realRoot()
            ? "user nobody, no capabilities"
            : "this user in a user namespace, no capabilities";
    return switch (mode) {
      case BUBBLEWRAP ->
          "programs contained by bubblewrap: "
              + who
              + ", only /usr, a few files of /etc and the hand-in's copy, processes of their own; "
              + limitsSaid;
      case CONTAINER ->
          "programs contained by this container (--sandbox container): "
              + (Sandbox.realRoot() ? "as user nobody without capabilities, " : "as this user, ")
              + "seeing the container's files; nothing else of a grading host; "
              + limitsSaid;
      case NONE -> "programs NOT contained (--unsafe-no-sandbox); " + limitsSaid;
    };
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
