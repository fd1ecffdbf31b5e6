package lab3.grading.engines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab3.report.Json;

/**
 * What an Autolab job prints: feedback lines for the student (Autolab shows the whole output), then
 * the <b>last line</b> Autolab reads: {@code {"scores": {"Part2": 5, ...}, "scoreboard": [13, 5,
 * ...]}}, one score per part (the assessment's problems must be named Part2, Part3, Part4_Receiver,
 * Part4_Sender, Part5 and Part6_PMU) and the scoreboard's columns: the total, then each part.
 *
 * <p>A hand-in the bench could not grade ends with a last line that is not JSON, {@link
 * #NOT_GRADED} and the reason: Autolab then records no score for the job and shows it as an
 * autograding failure, which the staff re-run (Regrade); it is never a zero.
 */
final class AutolabResults {
  /** The start of the last line of a job the bench could not grade. */
  static final String NOT_GRADED = "LAB3 NOT GRADED (re-run this job):";

  private AutolabResults() {}

  /** The job's whole output, its last line the scores (or {@link #NOT_GRADED}). */
  static String output(GradedHandIn g) {
    StringBuilder out = new StringBuilder();
    out.append(g.summary()).append("\n\n");
    Map<String, Integer> max = g.partMaxima();
    g.partScores()
        .forEach(
            (part, score) ->
                out.append(String.format("%-16s %d/%d%n", part, score, max.get(part))));
    out.append('\n');
    for (GradedHandIn.Check c : g.checks()) {
      out.append(c.advice() ? "ADVICE " : c.status().word().toUpperCase(java.util.Locale.ROOT));
      out.append(' ').append(c.part()).append(": ").append(c.name());
      if (!c.output().isBlank()) {
        out.append("\n    ").append(c.output().replace("\n", "\n    "));
      }
      out.append('\n');
    }
    if (!g.graded()) {
      return out.append(NOT_GRADED)
          .append(' ')
          .append(g.harnessError().replace('\n', ' '))
          .append('\n')
          .toString();
    }
    return out.append(lastLine(g)).append('\n').toString();
  }

  /** {@code {"scores": {...}, "scoreboard": [...]}} on one line. */
  static String lastLine(GradedHandIn g) {
    StringBuilder line = new StringBuilder("{\"scores\": {");
    String sep = "";
    for (Map.Entry<String, Integer> part : g.partScores().entrySet()) {
      line.append(sep).append(Json.quote(part.getKey())).append(": ").append(part.getValue());
      sep = ", ";
    }
    line.append("}, \"scoreboard\": [").append(g.score());
    for (int score : g.partScores().values()) {
      line.append(", ").append(score);
    }
    return line.append("]}").toString();
  }

  /**
   * The scoreboard's column specification for Autolab's assessment settings ("Scoreboard"): the
   * total, sorted first, then each part.
   */
  static String scoreboardSpec() {
    List<Object> columns = new ArrayList<>();
    Map<String, Object> total = new LinkedHashMap<>();
    total.put("hdr", "Total");
    total.put("asc", false);
    columns.add(total);
    for (String part : GradedHandIn.PARTS) {
      columns.add(Map.of("hdr", part));
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("scoreboard", columns);
    return JsonText.write(spec);
  }
}
