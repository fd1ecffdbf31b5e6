package lab3.apps.cli;

import lab3.grading.Limits;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The grading bench's options, declared and described once for the commands that take them: {@code
 * grade}, {@code grade-class} (which hands them on to each hand-in's {@code grade}) and {@code
 * grader-package} (a package's every job runs {@code grade} with them). A command gives only its
 * default, and why it differs where it does (an engine's container has about half a CPU and 768 MB
 * for everything; {@code grade-class} grades several hand-ins at once), so that the {@code --help}
 * texts cannot drift apart. The defaults of the limits are read from {@link Limits#DEFAULT}, the
 * limits the bench applies when no option is given, so that the help cannot promise other ones.
 *
 * <p>The options of containment come as one run ({@link #addContainment(Options)}), and the values
 * of {@code --timeout}, {@code --retries} and {@code --checks-at-once} are read and checked here
 * ({@link #readTimeout}, {@link #readRetries}, {@link #readChecksAtOnce}), so that {@code grade}
 * and {@code grade-class} refuse a bad value with the same words. Each command reads and checks its
 * other values itself.
 *
 * <p>All three: {@code --timeout}, {@code --retries}, {@code --checks-at-once}, {@code
 * --hand-in-memory}, {@code --parts}. {@code grade} and {@code grade-class}: {@code --python},
 * {@code --ca}, {@code --network}, {@code --sandbox}, {@code --unsafe-no-sandbox} and the limits of
 * one program ({@code --memory}, {@code --pids}, {@code --cpu-time}, {@code --file-size}, {@code
 * --output}). {@code grade} and {@code grader-package}: {@code --policy}. {@code grade-class} and
 * {@code grader-package}: {@code --out}.
 */
public final class BenchOptions {
  private BenchOptions() {}

  /** {@code --timeout seconds}: the time limit of one program run. */
  public static final String TIMEOUT = "timeout";

  /** {@code --retries K}: re-runs of a failed timing-sensitive check. */
  public static final String RETRIES = "retries";

  /** {@code --checks-at-once N}: checks run at the same time. */
  public static final String CHECKS_AT_ONCE = "checks-at-once";

  /** {@code --hand-in-memory SIZE}: the memory of a hand-in's programs together. */
  public static final String HAND_IN_MEMORY = "hand-in-memory";

  /** {@code --parts LIST}: the parts to grade. */
  public static final String PARTS = "parts";

  /** {@code --policy FILE}: the grading policy. */
  public static final String POLICY = "policy";

  /** {@code --python PATH}: the python3 tried first. */
  public static final String PYTHON = "python";

  /** {@code --ca FILE}: the course CA. */
  public static final String CA = "ca";

  /** {@code --network MODE}: where the hand-in's programs and the emulators run. */
  public static final String NETWORK = "network";

  /** {@code --sandbox MODE}: how the hand-in's programs are contained. */
  public static final String SANDBOX = "sandbox";

  /** {@code --unsafe-no-sandbox}: grade even where no sandbox can be made. */
  public static final String UNSAFE_NO_SANDBOX = "unsafe-no-sandbox";

  /** {@code --memory SIZE}: the memory of one program. */
  public static final String MEMORY = "memory";

  /** {@code --pids N}: the processes and threads of one program. */
  public static final String PIDS = "pids";

  /** {@code --cpu-time seconds}: the CPU time of each process of a program. */
  public static final String CPU_TIME = "cpu-time";

  /** {@code --file-size SIZE}: the largest file a program may write. */
  public static final String FILE_SIZE = "file-size";

  /** {@code --output SIZE}: what is kept of a program's stdout and stderr. */
  public static final String OUTPUT = "output";

  /** {@code --out DIR}: where a command writes what it makes. */
  public static final String OUT = "out";

  /** {@code --timeout}'s default for the commands that grade here (grader-package: an engine's). */
  private static final int TIMEOUT_SECONDS = 20;

  /**
   * {@code --timeout seconds}, 20 by default for the commands that grade here.
   *
   * @return the option
   */
  public static Option timeout() {
    return timeout(Integer.toString(TIMEOUT_SECONDS));
  }

  /**
   * {@code --timeout seconds}, with a command's own default.
   *
   * @param byDefault the command's default, e.g. {@code "20"}
   * @return the option
   */
  public static Option timeout(String byDefault) {
    return option(TIMEOUT, "seconds", "time limit of one program run (default " + byDefault + ")");
  }

  /**
   * The value of {@code --timeout}, or its default.
   *
   * @param line the parsed command line
   * @return the time limit of one program run, in seconds, above 0
   * @throws UsageException if it is not a number, or not positive
   */
  public static double readTimeout(CommandLine line) throws UsageException {
    double seconds =
        line.hasOption(TIMEOUT)
            ? Args.decimal("--" + TIMEOUT, line.getOptionValue(TIMEOUT))
            : TIMEOUT_SECONDS;
    if (seconds <= 0) {
      throw new UsageException("--" + TIMEOUT + " must be positive");
    }
    return seconds;
  }

  /**
   * The value of {@code --retries}, or the command's default.
   *
   * @param line the parsed command line
   * @param byDefault the command's default
   * @return the re-runs of a failed timing-sensitive check, 0 or more
   * @throws UsageException if it is not a whole number, or negative
   */
  public static int readRetries(CommandLine line, int byDefault) throws UsageException {
    int retries = Args.intOption(line, RETRIES, byDefault);
    if (retries < 0) {
      throw new UsageException("--" + RETRIES + " must be 0 or more");
    }
    return retries;
  }

  /**
   * The value of {@code --checks-at-once}, or the command's default.
   *
   * @param line the parsed command line
   * @param byDefault the command's default
   * @return the checks run at the same time, 1 or more
   * @throws UsageException if it is not a whole number, or below 1
   */
  public static int readChecksAtOnce(CommandLine line, int byDefault) throws UsageException {
    int atOnce = Args.intOption(line, CHECKS_AT_ONCE, byDefault);
    if (atOnce < 1) {
      throw new UsageException("--" + CHECKS_AT_ONCE + " must be 1 or more");
    }
    return atOnce;
  }

  /**
   * {@code --retries K}.
   *
   * @param byDefault the command's default, with its reason if any, e.g. {@code "0"}
   * @return the option
   */
  public static Option retries(String byDefault) {
    return option(
        RETRIES,
        "K",
        "re-run a failed timing-sensitive check up to K times: passed on a re-run, it is 'flaky'"
            + " and counts as passed (default "
            + byDefault
            + ")");
  }

  /**
   * {@code --checks-at-once N}.
   *
   * @param byDefault the command's default, with its reason if any, e.g. {@code "4"}
   * @return the option
   */
  public static Option checksAtOnce(String byDefault) {
    return option(
        CHECKS_AT_ONCE,
        "N",
        "checks run at the same time, each with emulators of its own (default " + byDefault + ")");
  }

  /**
   * {@code --hand-in-memory SIZE}.
   *
   * @param byDefault the command's default, with its reason if any, e.g. {@code "768M"}
   * @return the option
   */
  public static Option handInMemory(String byDefault) {
    return option(
        HAND_IN_MEMORY,
        "SIZE",
        "memory of all the hand-in's programs at once, across the checks run together, where the"
            + " bench can make cgroups (default "
            + byDefault
            + ")");
  }

  /**
   * {@code --parts LIST}, all parts by default for every command.
   *
   * @return the option
   */
  public static Option parts() {
    return option(PARTS, "LIST", "grade only these parts, e.g. Part2,Part5 (default all)");
  }

  /**
   * {@code --policy}: a policy file, whose rules replace the default's.
   *
   * @param argName what the option takes, e.g. {@code FILE} or {@code FILE|show}
   * @param more what else the command does with it, after a semicolon, e.g. {@code "'show' prints
   *     the policy in force and exits"}
   * @return the option
   */
  public static Option policy(String argName, String more) {
    return option(
        POLICY, argName, "the grading policy: a file of rules that replace the default's; " + more);
  }

  /**
   * {@code --python PATH}, for {@code grade} and {@code grade-class}.
   *
   * @return the option
   */
  public static Option python() {
    return option(
        PYTHON,
        "PATH",
        "the python3 for Python programs, tried first (then /usr/bin/python3, then python3 on the"
            + " PATH: the first with the websocket module wins)");
  }

  /**
   * {@code --ca FILE}, for {@code grade} and {@code grade-class}.
   *
   * @return the option
   */
  public static Option ca() {
    return option(
        CA,
        "FILE",
        "the course CA: Part 6 then serves the hand-in's own key and certificate (without it the"
            + " bench issues a fresh pair)");
  }

  /**
   * {@code --network MODE}, {@code auto} by default for {@code grade} and {@code grade-class}.
   *
   * @return the option
   */
  public static Option network() {
    return option(
        NETWORK,
        "MODE",
        "netlab: a lab network of the hand-in's own, emulators on labhost and the programs on pc"
            + " (Linux, root, ip, JDK 22+); sandbox: a network namespace of the bench's own, only"
            + " lo (Linux); host: this machine's loopback; auto (default): the first of these that"
            + " can be made here");
  }

  /**
   * Adds the options of containment of {@code grade} and {@code grade-class}, in this order: {@code
   * --sandbox}, {@code --unsafe-no-sandbox}, {@code --memory}, {@code --hand-in-memory} (with
   * {@code grade}'s default), {@code --pids}, {@code --cpu-time}, {@code --file-size} and {@code
   * --output}. The limits' defaults are {@link Limits#DEFAULT}'s.
   *
   * @param options where to add them
   */
  public static void addContainment(Options options) {
    Limits limits = Limits.DEFAULT;
    options.addOption(sandbox());
    options.addOption(unsafeNoSandbox());
    options.addOption(
        option(
            MEMORY,
            "SIZE",
            "memory of one program, its processes together (default "
                + Limits.optionSize(limits.memory())
                + ")"));
    options.addOption(handInMemory(Limits.optionSize(limits.handInMemory())));
    options.addOption(
        option(
            PIDS,
            "N",
            "processes and threads of one program at once (default " + limits.processes() + ")"));
    options.addOption(
        option(
            CPU_TIME,
            "seconds",
            "CPU time of each process of a program (default "
                + limits.cpuTime().toSeconds()
                + ")"));
    options.addOption(
        option(
            FILE_SIZE,
            "SIZE",
            "largest file a program may write, and the size of its /tmp (default "
                + Limits.optionSize(limits.fileSize())
                + ")"));
    options.addOption(
        option(
            OUTPUT,
            "SIZE",
            "what is kept of a program's stdout and of its stderr (default "
                + Limits.optionSize(limits.output())
                + ")"));
  }

  /** {@code --sandbox MODE}, {@code bubblewrap} by default. */
  private static Option sandbox() {
    return option(
        SANDBOX,
        "MODE",
        "how the hand-in's programs are contained: bubblewrap (default: each program as user"
            + " nobody, seeing only /usr, a few files of /etc and its own copy of the hand-in) or"
            + " container (inside a grading engine's container that holds one submission and"
            + " nothing secret: the container is the sandbox)");
  }

  /** {@code --unsafe-no-sandbox}, a flag. */
  private static Option unsafeNoSandbox() {
    return Option.builder()
        .longOpt(UNSAFE_NO_SANDBOX)
        .desc(
            "grade even where no sandbox can be made: the programs run as this user, with this"
                + " machine's files (never for hand-ins you do not trust)")
        .get();
  }

  /**
   * {@code --out DIR}, for {@code grade-class} and {@code grader-package}.
   *
   * @param byDefault the command's default, or that it has none, e.g. {@code "default
   *     grade-class-out"} or {@code "required"}
   * @return the option
   */
  public static Option out(String byDefault) {
    return option(OUT, "DIR", "where to write (" + byDefault + ")");
  }

  private static Option option(String name, String argName, String description) {
    return Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get();
  }
}
