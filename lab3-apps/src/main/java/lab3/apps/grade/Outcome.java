package lab3.apps.grade;

/** Judges how a program ended, before its output is compared. */
final class Outcome {
  private Outcome() {}

  /** Null if the program ended by itself with status 0; else why not, with its last stderr. */
  static String ofRun(ProcessRunner.Result r, Bench bench) {
    if (r.timedOut()) {
      return "did not finish within " + bench.limit().toSeconds() + " s (killed)";
    }
    if (r.exit() != 0) {
      return "exited with status " + r.exit() + lastLine(r.stderr());
    }
    return null;
  }

  /** ": <last non-blank line>", or nothing if {@code stderr} is blank. */
  static String lastLine(String stderr) {
    String last = stderr.lines().filter(l -> !l.isBlank()).reduce((x, y) -> y).orElse("").strip();
    return last.isEmpty() ? "" : ": " + (last.length() > 200 ? last.substring(0, 200) : last);
  }
}
