package lab3.grading.engines;

import java.util.Locale;

/**
 * A grading engine the bench can be packaged for, with the fixed places its jobs use. Each place
 * can be moved by an environment variable ({@code LAB3_SOURCE}, {@code LAB3_SUBMISSION}, {@code
 * LAB3_RESULTS}, {@code LAB3_METADATA}), so that a package runs in its engine's layout on any
 * machine, as its tests do.
 */
public enum Engine {
  /**
   * Gradescope (hosted): {@code /autograder/source} holds the autograder zip unpacked, {@code
   * /autograder/submission} the student's files, {@code /autograder/results/results.json} is read
   * back, {@code /autograder/submission_metadata.json} tells the due date and previous submissions.
   */
  GRADESCOPE(
      "/autograder/source",
      "/autograder/submission",
      "/autograder/results",
      "/autograder/submission_metadata.json"),
  /**
   * Autolab with Tango (self-hosted): one job directory holding the {@code Makefile}, {@code
   * autograde.tar} and the hand-in ({@code handin.zip}); the scores are the last line of stdout.
   */
  AUTOLAB("lab3-autolab", "handin.zip", null, null),
  /**
   * PrairieLearn's external grader: the bench in the grader image's {@code /lab3-grader}, the
   * student's files in {@code /grade/student}, {@code /grade/results/results.json} read back.
   */
  PRAIRIELEARN("/lab3-grader", "/grade/student", "/grade/results", null);

  private final String source;
  private final String submission;
  private final String results;
  private final String metadata;

  Engine(String source, String submission, String results, String metadata) {
    this.source = source;
    this.submission = submission;
    this.results = results;
    this.metadata = metadata;
  }

  /** The name on the command line: gradescope, autolab, prairielearn. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The engine called {@code word}. */
  public static Engine of(String word) {
    for (Engine e : values()) {
      if (e.word().equals(word)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "the engine is gradescope, autolab or prairielearn, not '" + word + "'");
  }

  /** Where the package is unpacked (LAB3_SOURCE moves it). */
  String source() {
    return source;
  }

  /** Where the student's hand-in is (LAB3_SUBMISSION moves it). */
  String submission() {
    return submission;
  }

  /** The directory of the results file, or null if the engine reads stdout (LAB3_RESULTS). */
  String results() {
    return results;
  }

  /** The submission's metadata file, or null if the engine gives none (LAB3_METADATA). */
  String metadata() {
    return metadata;
  }
}
