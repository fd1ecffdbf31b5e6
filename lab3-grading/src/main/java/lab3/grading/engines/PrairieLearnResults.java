package lab3.grading.engines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PrairieLearn's {@code /grade/results/results.json}: {@code gradable}, {@code score} from 0 to 1
 * (checks passed over checks scored), {@code message} (the summary), and one test per check with
 * {@code points} and {@code max_points}. A hand-in the bench could not grade gets {@code gradable:
 * false} and the reason: PrairieLearn then counts no attempt and asks for a re-submission, never a
 * zero.
 */
final class PrairieLearnResults {
  private PrairieLearnResults() {}

  static String json(GradedHandIn g) {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("gradable", g.graded());
    if (!g.graded()) {
      results.put("message", g.summary());
      return JsonText.write(results);
    }
    results.put("score", g.max() == 0 ? 0.0 : (double) g.score() / g.max());
    results.put("message", g.summary());
    List<Object> tests = new ArrayList<>();
    for (GradedHandIn.Check c : g.checks()) {
      Map<String, Object> test = new LinkedHashMap<>();
      test.put("name", c.part() + ": " + c.name());
      test.put("points", (double) c.score());
      test.put("max_points", (double) c.max());
      test.put("message", c.advice() ? "advice, not scored" : c.status().word());
      test.put("output", c.output());
      tests.add(test);
    }
    results.put("tests", tests);
    return JsonText.write(results);
  }
}
