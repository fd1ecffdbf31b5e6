package lab3.grading;

import java.util.List;

/** Compares a program's output with what was expected, and says where they first differ. */
final class Diff {
  private static final int SHOWN = 3;

  private Diff() {}

  /**
   * Null if {@code actual}'s lines are exactly {@code expected} (a final newline, trailing spaces
   * and Windows line ends forgiven); otherwise the first differences, one per line.
   */
  static String lines(List<String> expected, String actual) {
    List<String> got = actual.lines().map(String::stripTrailing).toList();
    int end = got.size();
    while (end > 0 && got.get(end - 1).isEmpty()) {
      end--;
    }
    got = got.subList(0, end);
    if (got.equals(expected)) {
      return null;
    }
    StringBuilder why = new StringBuilder();
    why.append("expected ").append(expected.size()).append(" lines, got ").append(got.size());
    int shown = 0;
    for (int i = 0; i < Math.max(expected.size(), got.size()) && shown < SHOWN; i++) {
      String want = i < expected.size() ? expected.get(i) : null;
      String have = i < got.size() ? got.get(i) : null;
      if (want == null || !want.equals(have)) {
        why.append("\n  line ").append(i + 1).append(": expected ").append(quote(want));
        why.append(", got ").append(quote(have));
        shown++;
      }
    }
    return why.toString();
  }

  /** Null if {@code actual} is {@code expected}, or it followed by one newline (print adds it). */
  static String text(String expected, String actual) {
    if (actual.equals(expected) || actual.equals(expected + "\n")) {
      return null;
    }
    String got = actual;
    int i = 0;
    while (i < Math.min(expected.length(), got.length()) && expected.charAt(i) == got.charAt(i)) {
      i++;
    }
    return "text differs at character "
        + i
        + " of "
        + expected.length()
        + " (got "
        + got.length()
        + "): expected "
        + quote(excerpt(expected, i))
        + ", got "
        + quote(excerpt(got, i));
  }

  private static String excerpt(String s, int at) {
    return s.substring(at, Math.min(s.length(), at + 30));
  }

  private static String quote(String s) {
    return s == null ? "nothing" : "'" + s.replace("\n", "\\n") + "'";
  }
}
