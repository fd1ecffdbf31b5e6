package lab3.grading;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lab3.report.Json;

/** The score table for people and the JSON report for machines. */
public final class Report {
  private Report() {}

  private static String quote(String s) {
    return Json.quote(s);
  }

  static Map<String, List<CheckResult>> byPart(List<CheckResult> results) {
    return results.stream()
        .collect(Collectors.groupingBy(CheckResult::part, LinkedHashMap::new, Collectors.toList()));
  }

  public static void table(String submission, List<CheckResult> results, PrintStream out) {
    out.println("Grades for " + submission);
    out.printf("%-16s %7s%n", "part", "score");
    int passed = 0;
    int scored = 0;
    for (Map.Entry<String, List<CheckResult>> part : byPart(results).entrySet()) {
      List<CheckResult> counted = part.getValue().stream().filter(r -> !r.advice()).toList();
      long ok = counted.stream().filter(CheckResult::passed).count();
      passed += (int) ok;
      scored += counted.size();
      out.printf("%-16s %3d/%-3d%n", part.getKey(), ok, counted.size());
      for (CheckResult r : part.getValue()) {
        String label =
            switch (r.status()) {
              case PASSED -> null;
              case FLAKY -> "  FLAKY ";
              case FAILED -> r.advice() ? "  ADVICE (not scored) " : "  FAILED ";
              case HARNESS_ERROR -> "  HARNESS ERROR ";
            };
        if (label != null) {
          out.println(label + r.name() + ": " + r.reason().replace("\n", "\n    "));
        }
      }
    }
    out.printf("%-16s %3d/%-3d%n", "total", passed, scored);
  }

  public static String json(String submission, List<CheckResult> results) {
    return json(submission, results, null);
  }

  /** The JSON report, with how the programs were contained ({@code "sandbox"}) if known. */
  public static String json(String submission, List<CheckResult> results, String sandbox) {
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"submission\": ").append(quote(submission));
    if (sandbox != null) {
      json.append(",\n  \"sandbox\": ").append(quote(sandbox));
    }
    json.append(",\n  \"parts\": [");
    String partSep = "\n";
    for (Map.Entry<String, List<CheckResult>> part : byPart(results).entrySet()) {
      List<CheckResult> counted = part.getValue().stream().filter(r -> !r.advice()).toList();
      long ok = counted.stream().filter(CheckResult::passed).count();
      json.append(partSep).append("    {\"part\": ").append(quote(part.getKey()));
      json.append(", \"score\": ").append(ok).append(", \"max\": ").append(counted.size());
      json.append(", \"checks\": [");
      String sep = "\n";
      for (CheckResult r : part.getValue()) {
        json.append(sep).append("      {\"name\": ").append(quote(r.name()));
        json.append(", \"passed\": ").append(r.passed());
        json.append(", \"status\": ").append(quote(r.status().word()));
        if (r.advice()) {
          json.append(", \"advice\": true");
        }
        json.append(", \"attempts\": ").append(r.attempts());
        json.append(", \"ms\": ").append(r.elapsed().toMillis());
        if (r.reason() != null) {
          json.append(", \"reason\": ").append(quote(r.reason()));
        }
        json.append('}');
        sep = ",\n";
      }
      json.append("\n    ]}");
      partSep = ",\n";
    }
    json.append("\n  ]\n}\n");
    return json.toString();
  }
}
