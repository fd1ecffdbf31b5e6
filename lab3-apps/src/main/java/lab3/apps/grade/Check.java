package lab3.apps.grade;

/** One graded behaviour of one part: runs the submission's program and judges what it did. */
interface Check {

  /** The part's file stem, e.g. "Part2". */
  String part();

  /** What is checked, e.g. "CMD_short:0 with n=7". */
  String name();

  /**
   * Runs the check. Returns null when it passed, or the reason it failed. Exceptions count as a
   * failure of this check only.
   */
  String run(Bench bench) throws Exception;
}
