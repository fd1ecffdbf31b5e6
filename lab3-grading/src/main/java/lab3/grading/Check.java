package lab3.grading;

/**
 * One graded behaviour of one part: runs the submission's program and judges what it did.
 *
 * @param part the part's file stem, e.g. "Part2"
 * @param name what is checked, e.g. "CMD_short:0 with n=7"
 * @param timingSensitive true if a correct program can fail it by bad luck of timing (losses,
 *     delays, a server's start-up, multicast): such a check is run again when it fails, up to the
 *     bench's number of retries
 * @param advice true for a check that is reported as advice, not score (unless the policy's {@code
 *     advice.scored} says otherwise): one outside the course's range, such as n of 120 in Part 2
 */
public record Check(String part, String name, Body body, boolean timingSensitive, boolean advice) {

  Check(String part, String name, Body body) {
    this(part, name, body, false, false);
  }

  Check(String part, String name, Body body, boolean timingSensitive) {
    this(part, name, body, timingSensitive, false);
  }

  /** This check, reported as advice. */
  Check asAdvice() {
    return new Check(part, name, body, timingSensitive, true);
  }

  /** What the check does. */
  @FunctionalInterface
  interface Body {
    /**
     * Returns null when the check passed, or the reason it failed. An exception counts as a failure
     * of this check only.
     */
    String run(Bench bench) throws Exception;
  }

  /** This check, marked timing-sensitive. */
  public Check timed() {
    return new Check(part, name, body, true, advice);
  }

  String run(Bench bench) throws Exception {
    return body.run(bench);
  }
}
