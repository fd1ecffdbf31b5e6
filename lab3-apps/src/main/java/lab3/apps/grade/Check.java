package lab3.apps.grade;

/**
 * One graded behaviour of one part: runs the submission's program and judges what it did.
 *
 * @param part the part's file stem, e.g. "Part2"
 * @param name what is checked, e.g. "CMD_short:0 with n=7"
 */
record Check(String part, String name, Body body) {

  /** What the check does. */
  @FunctionalInterface
  interface Body {
    /**
     * Returns null when the check passed, or the reason it failed. An exception counts as a failure
     * of this check only.
     */
    String run(Bench bench) throws Exception;
  }

  String run(Bench bench) throws Exception {
    return body.run(bench);
  }
}
