package lab3.grading;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one check of one part, after every attempt.
 *
 * @param reason why it failed (null when passed), with the first lines of difference; for a flaky
 *     check, why the attempts before the pass failed
 * @param attempts how many times it ran (more than one only for a timing-sensitive check that
 *     failed and was run again)
 * @param advice true if it is shown as advice and counts in no score
 */
public record CheckResult(
    String part,
    String name,
    Status status,
    String reason,
    Duration elapsed,
    int attempts,
    boolean advice) {

  CheckResult(
      String part, String name, Status status, String reason, Duration elapsed, int attempts) {
    this(part, name, status, reason, elapsed, attempts, false);
  }

  /** What became of a check. */
  enum Status {
    /** Passed at the first attempt. */
    PASSED,
    /** Failed at every attempt: the program's fault. */
    FAILED,
    /** Failed, then passed on a re-run: counted as passed, and shown as such. */
    FLAKY,
    /**
     * The bench itself failed (an emulator could not start, a port of ours was taken): no grade.
     */
    HARNESS_ERROR;

    /** The word used in reports: passed, failed, flaky, harness error. */
    String word() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  static CheckResult pass(String part, String name, Duration elapsed) {
    return new CheckResult(part, name, Status.PASSED, null, elapsed, 1);
  }

  static CheckResult fail(String part, String name, String reason, Duration elapsed) {
    return new CheckResult(part, name, Status.FAILED, reason, elapsed, 1);
  }

  /** True if it counts as passed (at the first attempt or on a re-run). */
  public boolean passed() {
    return status == Status.PASSED || status == Status.FLAKY;
  }

  /** True if any check of {@code results} could not be judged because the bench failed. */
  public static boolean anyHarnessError(List<CheckResult> results) {
    return results.stream().anyMatch(r -> r.status() == Status.HARNESS_ERROR);
  }
}
