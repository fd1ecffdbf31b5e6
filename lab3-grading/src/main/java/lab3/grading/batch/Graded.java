package lab3.grading.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab3.report.Json;

/**
 * What grading one hand-in gave: the bench's checks, or why there is no grade. A hand-in is "not
 * graded" when the bench failed (a harness error, the bench crashed, the whole-hand-in limit killed
 * it): never a zero, and listed for a re-run.
 *
 * @param report the bench's JSON report ({@code grade --report}), or null when not graded
 * @param why why not graded (null when graded)
 */
public record Graded(List<CheckLine> checks, String report, String why, double seconds) {

  /** One check as the report gives it. */
  record CheckLine(String part, String name, String status, String reason, int attempts, long ms) {
    boolean passed() {
      return status.equals("passed") || status.equals("flaky");
    }
  }

  static Graded notGraded(String why, double seconds) {
    return new Graded(List.of(), null, why, seconds);
  }

  public boolean graded() {
    return why == null;
  }

  int score() {
    return (int) checks.stream().filter(CheckLine::passed).count();
  }

  int max() {
    return checks.size();
  }

  /** Each part's passed and total checks, in the bench's order. */
  Map<String, int[]> parts() {
    Map<String, int[]> parts = new LinkedHashMap<>();
    for (CheckLine c : checks) {
      int[] p = parts.computeIfAbsent(c.part(), k -> new int[2]);
      p[0] += c.passed() ? 1 : 0;
      p[1]++;
    }
    return parts;
  }

  /**
   * Reads the bench's report. A report with a harness error is "not graded".
   *
   * @throws IllegalArgumentException if it is not such a report
   */
  @SuppressWarnings("unchecked")
  static Graded ofReport(String json, double seconds) {
    Map<String, Object> report = (Map<String, Object>) Json.parse(json);
    List<CheckLine> checks = new ArrayList<>();
    for (Object p : (List<Object>) report.get("parts")) {
      Map<String, Object> part = (Map<String, Object>) p;
      for (Object c : (List<Object>) part.get("checks")) {
        Map<String, Object> check = (Map<String, Object>) c;
        if (Boolean.TRUE.equals(check.get("advice"))) {
          continue; // advice, not score (the grading policy's advice.scored)
        }
        boolean passed = Boolean.TRUE.equals(check.get("passed"));
        String status = (String) check.getOrDefault("status", passed ? "passed" : "failed");
        Object attempts = check.getOrDefault("attempts", 1.0);
        checks.add(
            new CheckLine(
                (String) part.get("part"),
                (String) check.get("name"),
                status,
                (String) check.get("reason"),
                ((Double) attempts).intValue(),
                ((Double) check.getOrDefault("ms", 0.0)).longValue()));
      }
    }
    for (CheckLine c : checks) {
      if (c.status().equals("harness error")) {
        return notGraded(
            "harness error in " + c.part() + " (" + c.name() + "): " + c.reason(), seconds);
      }
    }
    return new Graded(List.copyOf(checks), json, null, seconds);
  }
}
