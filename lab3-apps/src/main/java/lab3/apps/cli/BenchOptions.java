package lab3.apps.cli;

import org.apache.commons.cli.Option;

/**
 * The grading bench's options that {@code grade} and {@code grader-package} both take (a package's
 * every job runs {@code grade} with them): {@code --timeout}, {@code --retries}, {@code
 * --checks-at-once}, {@code --hand-in-memory}, {@code --parts} and {@code --policy}. Each is
 * declared and described once, here; a command gives only its default, and why it differs where it
 * does (an engine's container has about half a CPU and 768 MB for everything), so that the two
 * {@code --help} texts cannot drift apart.
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

  /**
   * {@code --timeout seconds}, 20 by default for both commands.
   *
   * @return the option
   */
  public static Option timeout() {
    return option(TIMEOUT, "seconds", "time limit of one program run (default 20)");
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
   * {@code --parts LIST}, all parts by default for both commands.
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

  private static Option option(String name, String argName, String description) {
    return Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get();
  }
}
