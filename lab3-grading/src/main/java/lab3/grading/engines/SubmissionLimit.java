package lab3.grading.engines;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab3.report.Json;

/**
 * The staff's limit on re-submissions, read from Gradescope's {@code submission_metadata.json}:
 * {@code created_at} (this submission) and {@code previous_submissions} (each with its {@code
 * submission_time}, {@code score} and {@code results}). A submission beyond N in the last H hours
 * is not graded: it keeps the score and tests of the latest previous submission and says when the
 * next one will be graded, so that the limit never costs a student points.
 */
final class SubmissionLimit {
  private SubmissionLimit() {}

  /**
   * The results.json to write instead of grading, or empty if this submission is to be graded (no
   * limit set, within the limit, or metadata without times).
   */
  @SuppressWarnings("unchecked")
  static Optional<String> refusal(String metadataJson, EngineSettings settings) {
    if (settings.submissionsPerWindow() == 0 || metadataJson == null) {
      return Optional.empty();
    }
    Map<String, Object> metadata = (Map<String, Object>) Json.parse(metadataJson);
    OffsetDateTime now = time(metadata.get("created_at"));
    if (now == null) {
      return Optional.empty();
    }
    OffsetDateTime since = now.minusHours(settings.windowHours());
    List<Map<String, Object>> inWindow = new ArrayList<>();
    List<Map<String, Object>> all = new ArrayList<>();
    for (Object o : (List<Object>) metadata.getOrDefault("previous_submissions", List.of())) {
      Map<String, Object> previous = (Map<String, Object>) o;
      OffsetDateTime at = time(previous.get("submission_time"));
      if (at == null) {
        continue;
      }
      all.add(previous);
      if (at.isAfter(since) && !at.isAfter(now)) {
        inWindow.add(previous);
      }
    }
    if (inWindow.size() < settings.submissionsPerWindow()) {
      return Optional.empty();
    }
    Comparator<Map<String, Object>> byTime =
        Comparator.comparing(p -> time(p.get("submission_time")));
    OffsetDateTime next =
        time(inWindow.stream().min(byTime).orElseThrow().get("submission_time"))
            .plusHours(settings.windowHours());
    Map<String, Object> latest = all.stream().max(byTime).orElseThrow();
    String message =
        "Not graded: this course grades "
            + settings.submissionsPerWindow()
            + " submission(s) per "
            + settings.windowHours()
            + " hours, and you have made "
            + inWindow.size()
            + " in the last "
            + settings.windowHours()
            + ". Your score stays that of your latest graded submission; the next submission"
            + " after "
            + next
            + " will be graded.";
    Map<String, Object> results = new LinkedHashMap<>();
    Object score = latest.get("score");
    results.put("score", score instanceof Double d ? d : 0.0);
    results.put("output", message);
    results.put("output_format", "md");
    results.put("visibility", "visible");
    results.put("stdout_visibility", "hidden");
    Object previousResults = latest.get("results");
    if (previousResults instanceof Map<?, ?> r && r.get("tests") instanceof List<?> tests) {
      results.put("tests", tests);
    }
    return Optional.of(JsonText.write(results));
  }

  private static OffsetDateTime time(Object value) {
    if (!(value instanceof String s)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
