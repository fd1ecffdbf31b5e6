package lab3.grading.engines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gradescope's {@code results.json} for a graded hand-in: one test per check, worth one point
 * (advice worth none), each with its {@code visibility} ({@code after_due_date} for the parts the
 * staff hide, else {@code visible}), its output in Markdown ({@code output_format}, {@code
 * test_output_format}), the summary on top and the bench's log for the staff only ({@code
 * stdout_visibility: hidden}). A hand-in the bench could not grade gets none: the engine job then
 * fails the autograder with the reason, which Gradescope shows as an autograder failure to re-run,
 * never as a zero. The one writer of the format: the Gradescope package's jobs ({@link EngineJob})
 * and {@code grade-class} (a results file per folder) both write with it.
 */
public final class GradescopeResults {
  private GradescopeResults() {}

  /**
   * The results of a graded hand-in.
   *
   * @param g the hand-in, graded
   * @param hiddenParts the parts whose tests Gradescope shows after the due date only
   * @param seconds how long grading took
   * @return the JSON text, ending with a line break
   * @throws IllegalArgumentException if the hand-in was not graded: it has no results
   */
  public static String json(GradedHandIn g, Set<String> hiddenParts, double seconds) {
    if (!g.graded()) {
      throw new IllegalArgumentException("a hand-in that was not graded has no results.json");
    }
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("score", (double) g.score());
    results.put("execution_time", (double) Math.round(seconds));
    results.put("output", g.summary());
    results.put("output_format", "md");
    results.put("test_output_format", "md");
    results.put("visibility", "visible");
    results.put("stdout_visibility", "hidden");
    List<Object> tests = new ArrayList<>();
    for (GradedHandIn.Check c : g.checks()) {
      Map<String, Object> test = new LinkedHashMap<>();
      test.put("name", c.part() + ": " + c.name());
      test.put("score", (double) c.score());
      test.put("max_score", (double) c.max());
      test.put("status", c.passed() ? "passed" : "failed");
      test.put("output", output(c));
      test.put("output_format", "md");
      test.put("visibility", hiddenParts.contains(c.part()) ? "after_due_date" : "visible");
      tests.add(test);
    }
    results.put("tests", tests);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("hand_in", g.handIn());
    extra.put("network", g.where().network());
    extra.put("sandbox", g.containment());
    results.put("extra_data", extra);
    return JsonText.write(results);
  }

  /** A check's feedback in Markdown: the bench's reason as a code block, never as markup. */
  static String output(GradedHandIn.Check c) {
    String said =
        c.output().isBlank() ? "" : "\n\n```\n" + c.output().replace("```", "'''") + "\n```";
    if (c.advice()) {
      return (c.passed() ? "Advice (not scored): fine." : "Advice (not scored).") + said;
    }
    return switch (c.status()) {
      case PASSED -> "Passed.";
      case FLAKY ->
          "Passed on a re-run (a timing-sensitive check; the first attempts failed):" + said;
      case FAILED -> "Failed." + said;
      case HARNESS_ERROR -> "Not graded: the bench failed on this check." + said;
    };
  }
}
