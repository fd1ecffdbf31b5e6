package lab3.apps.grade;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The score table for people and the JSON report for machines. */
final class Report {
  private Report() {}

  static Map<String, List<CheckResult>> byPart(List<CheckResult> results) {
    return results.stream()
        .collect(Collectors.groupingBy(CheckResult::part, LinkedHashMap::new, Collectors.toList()));
  }

  static void table(String submission, List<CheckResult> results, PrintStream out) {
    out.println("Grades for " + submission);
    out.printf("%-16s %7s%n", "part", "score");
    int passed = 0;
    for (Map.Entry<String, List<CheckResult>> part : byPart(results).entrySet()) {
      long ok = part.getValue().stream().filter(CheckResult::passed).count();
      passed += (int) ok;
      out.printf("%-16s %3d/%-3d%n", part.getKey(), ok, part.getValue().size());
      for (CheckResult r : part.getValue()) {
        if (!r.passed()) {
          out.println("  FAILED " + r.name() + ": " + r.reason().replace("\n", "\n    "));
        }
      }
    }
    out.printf("%-16s %3d/%-3d%n", "total", passed, results.size());
  }

  static String json(String submission, List<CheckResult> results) {
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"submission\": ").append(quote(submission)).append(",\n  \"parts\": [");
    String partSep = "\n";
    for (Map.Entry<String, List<CheckResult>> part : byPart(results).entrySet()) {
      long ok = part.getValue().stream().filter(CheckResult::passed).count();
      json.append(partSep).append("    {\"part\": ").append(quote(part.getKey()));
      json.append(", \"score\": ").append(ok).append(", \"max\": ").append(part.getValue().size());
      json.append(", \"checks\": [");
      String sep = "\n";
      for (CheckResult r : part.getValue()) {
        json.append(sep).append("      {\"name\": ").append(quote(r.name()));
        json.append(", \"passed\": ").append(r.passed());
        json.append(", \"ms\": ").append(r.elapsed().toMillis());
        if (!r.passed()) {
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

  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
