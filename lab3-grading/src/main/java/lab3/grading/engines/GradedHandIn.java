package lab3.grading.engines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab3.report.Json;

/**
 * What the bench decided about one hand-in, as the engines' writers read it: each check with its
 * part, name, status, score, maximum and output, how the programs were contained, what the
 * container allowed, and whether the hand-in was graded at all.
 *
 * <p>Three outcomes, never two: graded (a score, possibly 0 for a hand-in that does nothing right
 * or is not there), or not graded ({@link #harnessError()} holds why): the bench itself failed, and
 * each engine is told "re-run me" in its own way, never given a zero.
 *
 * <p>It is read from {@code grade --report}'s JSON ({@link #fromReport}), the one seam between the
 * engines and the bench: the bench can move to another module without the writers changing.
 *
 * @param handIn the hand-in folder's name, or what the submission was
 * @param checks every check, in the bench's order (empty if no hand-in was found)
 * @param containment how the programs ran ({@code container}, or the bench's warning)
 * @param where what the container allowed and what that changes in grading
 * @param problem why there was nothing to grade (the student's fault: no Lab 3 hand-in found), or
 *     null
 * @param harnessError why the bench could not grade (re-run me), or null
 */
public record GradedHandIn(
    String handIn,
    List<Check> checks,
    String containment,
    ContainerProbe where,
    String problem,
    String harnessError) {

  /** The parts of the lab, in the order of the scores. */
  public static final List<String> PARTS =
      List.of("Part2", "Part3", "Part4_Receiver", "Part4_Sender", "Part5", "Part6_PMU");

  public GradedHandIn {
    checks = List.copyOf(checks);
  }

  /** What became of one check. */
  public enum Status {
    PASSED,
    FAILED,
    FLAKY,
    HARNESS_ERROR;

    static Status of(String word) {
      return valueOf(word.toUpperCase(Locale.ROOT).replace(' ', '_'));
    }

    /** passed, failed, flaky, harness error. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * One check.
   *
   * @param output why it failed (or, for a flaky one, why its first attempts failed); empty if
   *     passed
   * @param advice shown, never scored
   */
  public record Check(String part, String name, Status status, String output, boolean advice) {
    /** True if it counts as passed. */
    public boolean passed() {
      return status == Status.PASSED || status == Status.FLAKY;
    }

    /** 1 if passed and scored, else 0. */
    public int score() {
      return passed() && !advice ? 1 : 0;
    }

    /** 1 for a scored check, 0 for advice. */
    public int max() {
      return advice ? 0 : 1;
    }
  }

  /** A hand-in the bench could not grade: re-run me. */
  static GradedHandIn notGraded(String handIn, ContainerProbe where, String why) {
    return new GradedHandIn(handIn, List.of(), "container", where, null, why);
  }

  /** A submission that holds no Lab 3 hand-in: graded, 0. */
  static GradedHandIn nothingToGrade(String handIn, ContainerProbe where, String why) {
    return new GradedHandIn(handIn, List.of(), "container", where, why, null);
  }

  /**
   * Reads {@code grade --report}'s JSON. A check of status "harness error" makes the whole hand-in
   * not graded, with that check's reason.
   *
   * @param json the report
   * @param where what the place the bench ran in allowed (an engine's container, or where {@code
   *     grade-class} graded the hand-in)
   * @return what the report says of the hand-in
   * @throws IllegalArgumentException if it is not such a report
   */
  @SuppressWarnings("unchecked")
  public static GradedHandIn fromReport(String json, ContainerProbe where) {
    Map<String, Object> report = (Map<String, Object>) Json.parse(json);
    List<Check> checks = new ArrayList<>();
    List<String> harness = new ArrayList<>();
    for (Object p : (List<Object>) report.get("parts")) {
      Map<String, Object> part = (Map<String, Object>) p;
      for (Object c : (List<Object>) part.get("checks")) {
        Map<String, Object> check = (Map<String, Object>) c;
        Status status = Status.of((String) check.get("status"));
        String reason = (String) check.getOrDefault("reason", "");
        String name = (String) check.get("name");
        checks.add(
            new Check(
                (String) part.get("part"),
                name,
                status,
                reason == null ? "" : reason,
                Boolean.TRUE.equals(check.get("advice"))));
        if (status == Status.HARNESS_ERROR) {
          harness.add(part.get("part") + ": " + name + ": " + reason);
        }
      }
    }
    String sandbox = (String) report.getOrDefault("sandbox", "container");
    return new GradedHandIn(
        (String) report.get("submission"),
        checks,
        sandbox,
        where,
        null,
        harness.isEmpty() ? null : "the bench failed on a check: " + String.join("; ", harness));
  }

  /** True if the bench graded it (a score stands, possibly 0). */
  public boolean graded() {
    return harnessError == null;
  }

  /** Checks passed, advice left out. */
  public int score() {
    return checks.stream().mapToInt(Check::score).sum();
  }

  /** Checks scored. */
  public int max() {
    return checks.stream().mapToInt(Check::max).sum();
  }

  /** Score per part, every part of the lab present (0 for one without checks). */
  public Map<String, Integer> partScores() {
    return perPart(Check::score);
  }

  /** Checks scored per part, every part present. */
  public Map<String, Integer> partMaxima() {
    return perPart(Check::max);
  }

  private Map<String, Integer> perPart(java.util.function.ToIntFunction<Check> points) {
    Map<String, Integer> sums = new LinkedHashMap<>();
    for (String part : PARTS) {
      sums.put(part, 0);
    }
    for (Check c : checks) {
      sums.merge(c.part(), points.applyAsInt(c), Integer::sum);
    }
    return sums;
  }

  /**
   * The summary every engine shows first: the score, or why there is none, then how the programs
   * ran and what the container allowed.
   */
  public String summary() {
    StringBuilder s = new StringBuilder();
    if (harnessError != null) {
      s.append("NOT GRADED: ").append(harnessError).append(". This is the grading bench's fault,");
      s.append(" not the hand-in's: course staff, please re-run this submission.");
    } else if (problem != null) {
      s.append(problem);
    } else {
      s.append(score()).append('/').append(max()).append(" checks passed.");
    }
    s.append("\n\nHow it was graded: ")
        .append(
            switch (containment) {
              case "container" ->
                  "the programs ran in this grading container (--sandbox container). ";
              case "bubblewrap" ->
                  "each program ran contained by bubblewrap (--sandbox bubblewrap). ";
              default -> containment + ". ";
            })
        .append(where.statement());
    return s.toString();
  }
}
