package lab3.grading.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import lab3.report.Json;
import org.junit.jupiter.api.Test;

/** The results model read from {@code grade --report}, and each engine's writer of it. */
class GradedHandInTest {
  private static final ContainerProbe LOOPBACK =
      new ContainerProbe("host", "This container allows neither ...");

  private static final String REPORT =
      """
      {
        "submission": "Lab3_111111_222222",
        "sandbox": "container",
        "parts": [
          {"part": "Part2", "score": 1, "max": 2, "checks": [
            {"name": "CMD_short:0 with n=1", "passed": true, "status": "passed", "attempts": 1, "ms": 5},
            {"name": "CMD_short:0 with n=7", "passed": false, "status": "failed", "attempts": 1, "ms": 5, "reason": "line 2: expected x"},
            {"name": "n=120", "passed": false, "status": "failed", "advice": true, "attempts": 1, "ms": 5, "reason": "slow"}
          ]},
          {"part": "Part3", "score": 1, "max": 1, "checks": [
            {"name": "OFFSET=X", "passed": true, "status": "flaky", "attempts": 2, "ms": 5, "reason": "lost once"}
          ]}
        ]
      }
      """;

  private static String withHarnessError() {
    return REPORT.replace(
        "\"status\": \"flaky\", \"attempts\": 2, \"ms\": 5, \"reason\": \"lost once\"",
        "\"status\": \"harness error\", \"attempts\": 1, \"ms\": 5, \"reason\": \"port 5003 taken\"");
  }

  @Test
  void reportGivesScoresPerPartWithAdviceUnscoredAndFlakyPassed() {
    GradedHandIn g = GradedHandIn.fromReport(REPORT, LOOPBACK);
    assertTrue(g.graded());
    assertEquals(2, g.score());
    assertEquals(3, g.max());
    assertEquals(1, g.partScores().get("Part2"));
    assertEquals(1, g.partScores().get("Part3"));
    assertEquals(0, g.partScores().get("Part6_PMU"));
    assertEquals(6, g.partScores().size());
  }

  @Test
  void aHarnessErrorInAnyCheckMakesTheHandInNotGradedWithTheReason() {
    GradedHandIn g = GradedHandIn.fromReport(withHarnessError(), LOOPBACK);
    assertFalse(g.graded());
    assertTrue(g.harnessError().contains("port 5003 taken"), g.harnessError());
    assertTrue(g.summary().startsWith("NOT GRADED"), g.summary());
  }

  @Test
  @SuppressWarnings("unchecked")
  void gradescopeGivesEveryTestItsVisibilityAndHidesTheChosenParts() {
    Map<String, Object> results =
        (Map<String, Object>)
            Json.parse(
                GradescopeResults.json(
                    GradedHandIn.fromReport(REPORT, LOOPBACK), Set.of("Part3"), 3));
    assertEquals(2.0, results.get("score"));
    List<Map<String, Object>> tests = (List<Map<String, Object>>) results.get("tests");
    assertEquals(4, tests.size());
    assertEquals("visible", tests.get(0).get("visibility"));
    assertEquals("after_due_date", tests.get(3).get("visibility"));
    assertEquals(0.0, tests.get(2).get("max_score"), "advice is worth nothing");
    assertTrue(tests.get(1).get("output").toString().contains("```\nline 2: expected x\n```"));
  }

  @Test
  void gradeClassSaysWhereItGradedAndHowTheProgramsWereContained() {
    GradedHandIn g =
        GradedHandIn.fromReport(
            REPORT.replace("\"sandbox\": \"container\"", "\"sandbox\": \"bubblewrap\""),
            ContainerProbe.onGradingMachine("netlab"));
    String summary = g.summary();
    assertTrue(summary.contains("each program ran contained by bubblewrap"), summary);
    assertTrue(summary.contains("Graded on a lab network of the hand-in's own"), summary);
    assertFalse(summary.contains("grading container"), summary);
    assertTrue(
        ContainerProbe.onGradingMachine("host").statement().contains("the grading machine's own"));
    assertThrows(IllegalArgumentException.class, () -> ContainerProbe.onGradingMachine("wifi"));
  }

  @Test
  void gradescopeWritesNoResultsForAHandInNotGraded() {
    GradedHandIn g = GradedHandIn.fromReport(withHarnessError(), LOOPBACK);
    assertThrows(IllegalArgumentException.class, () -> GradescopeResults.json(g, Set.of(), 1));
  }

  @Test
  void autolabLastLineIsScoresPerPartAndTheScoreboard() {
    String out = AutolabResults.output(GradedHandIn.fromReport(REPORT, LOOPBACK));
    assertEquals(
        "{\"scores\": {\"Part2\": 1, \"Part3\": 1, \"Part4_Receiver\": 0, \"Part4_Sender\": 0,"
            + " \"Part5\": 0, \"Part6_PMU\": 0}, \"scoreboard\": [2, 1, 1, 0, 0, 0, 0]}",
        out.lines().toList().getLast());
  }

  @Test
  void autolabLastLineOfAHandInNotGradedIsTheDocumentedNonScoreLine() {
    String out = AutolabResults.output(GradedHandIn.fromReport(withHarnessError(), LOOPBACK));
    String last = out.lines().toList().getLast();
    assertTrue(last.startsWith(AutolabResults.NOT_GRADED), last);
    assertThrows(IllegalArgumentException.class, () -> Json.parse(last));
  }

  @Test
  @SuppressWarnings("unchecked")
  void prairieLearnScoreIsAFractionAndAHarnessErrorIsNotGradable() {
    Map<String, Object> graded =
        (Map<String, Object>)
            Json.parse(PrairieLearnResults.json(GradedHandIn.fromReport(REPORT, LOOPBACK)));
    assertEquals(true, graded.get("gradable"));
    assertEquals(2.0 / 3, (Double) graded.get("score"), 1e-9);
    Map<String, Object> notGraded =
        (Map<String, Object>)
            Json.parse(
                PrairieLearnResults.json(GradedHandIn.fromReport(withHarnessError(), LOOPBACK)));
    assertEquals(false, notGraded.get("gradable"));
    assertFalse(notGraded.containsKey("score"));
  }

  @Test
  void settingsRejectAnUnknownPartAndSurviveTheirFile() throws Exception {
    assertThrows(
        IllegalArgumentException.class,
        () -> EngineSettings.builder().hiddenParts(List.of("Part7")));
    EngineSettings s =
        EngineSettings.builder()
            .timeoutSeconds(7)
            .parts(List.of("Part2", "Part5"))
            .submissionLimit(3, 12)
            .build();
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("settings");
    try {
      java.nio.file.Files.writeString(dir.resolve(EngineSettings.FILE), s.text());
      EngineSettings back = EngineSettings.read(dir);
      assertEquals(s.benchOptions(), back.benchOptions());
      assertEquals(3, back.submissionsPerWindow());
      assertEquals(12, back.windowHours());
    } finally {
      java.nio.file.Files.delete(dir.resolve(EngineSettings.FILE));
      java.nio.file.Files.delete(dir);
    }
  }
}
