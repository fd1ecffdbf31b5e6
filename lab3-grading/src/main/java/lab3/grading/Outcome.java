package lab3.grading;

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

  /**
   * ": <last non-blank line>", or nothing if {@code stderr} is blank. That is the exception of a
   * Python traceback; a Java stack trace ends with its outermost frame instead ("at
   * Part2.main(Part2.java:18)"), so for one the line that names the exception is taken: its last
   * "Caused by:", else its "Exception in thread" line.
   */
  static String lastLine(String stderr) {
    java.util.List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
    String last = lines.isEmpty() ? "" : lines.getLast().strip();
    if (last.startsWith("at ") || last.matches("\\.\\.\\. \\d+ more")) {
      for (String line : lines.reversed()) {
        if (line.startsWith("Caused by: ") || line.startsWith("Exception in thread ")) {
          last = line.strip();
          break;
        }
      }
    }
    return last.isEmpty() ? "" : ": " + (last.length() > 200 ? last.substring(0, 200) : last);
  }
}
