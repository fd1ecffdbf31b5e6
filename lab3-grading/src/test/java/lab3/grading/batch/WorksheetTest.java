package lab3.grading.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorksheetTest {
  /** A worksheet as a French Moodle site writes it: CRLF, every field quoted, decimal commas. */
  private static final String FRENCH =
      "\uFEFF\"Identifiant\",\"Nom complet\",\"Adresse de courriel\",\"Statut\",\"Note\","
          + "\"Note maximale\",\"La note peut être modifiée\",\"Dernière modification (travail remis)\","
          + "\"Dernière modification (note)\",\"Feedback par commentaires\"\r\n"
          + "\"Participant 101\",\"Ada Lovelace\",\"ada@example.org\",\"Remis pour évaluation\",\"\","
          + "\"20,00\",\"Oui\",\"lundi 1 décembre 2026, 10:00\",\"-\",\"\"\r\n"
          + "\"Participant 102\",\"Bob \"\"B\"\" Empty\",\"bob@example.org\",\"Aucun travail\",\"\","
          + "\"20,00\",\"Oui\",\"-\",\"-\",\"\"\r\n";

  @Test
  void frenchWorksheetGetsGradeAndFeedbackAndKeepsEveryOtherByte() {
    String filled =
        Worksheet.fill(
            FRENCH,
            null,
            null,
            (id, cells) -> "101".equals(id) ? Map.entry(0.5, "Part2: 5/5") : null);
    List<String> before = FRENCH.lines().toList();
    List<String> after = filled.lines().toList();
    assertEquals(before.get(0), after.get(0));
    assertEquals(before.get(2), after.get(2), "an unmatched row is left alone");
    assertEquals(
        before
            .get(1)
            .replace(",\"\",\"20,00\"", ",\"10,00\",\"20,00\"")
            .replaceFirst(",\"\"$", ",\"Part2: 5/5\""),
        after.get(1));
    assertEquals(
        FRENCH.length() - FRENCH.replace("\r\n", "").length(),
        filled.length() - filled.replace("\r\n", "").length());
    assertEquals('\uFEFF', filled.charAt(0));
  }

  @Test
  void gradeColumnCanBeNamedWhenTheStructureSaysNothing() {
    String csv = "Id,Name,Punkte,Kommentar\nParticipant 7,X,,\n";
    String filled = Worksheet.fill(csv, "Punkte", "4", (id, cells) -> Map.entry(1.0, "ok"));
    assertEquals("Id,Name,Punkte,Kommentar\nParticipant 7,X,\"1.00\",\"ok\"\n", filled);
  }

  /** A group hand-in graded 3 of 4: the report {@code grade --report} writes. */
  private static Graded threeOfFour() {
    StringBuilder checks = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      checks
          .append(i == 0 ? "" : ",")
          .append("{\"name\": \"c")
          .append(i)
          .append("\", \"passed\": ")
          .append(i < 3)
          .append(", \"status\": \"")
          .append(i < 3 ? "passed" : "failed")
          .append("\", \"attempts\": 1, \"ms\": 1}");
    }
    return Graded.ofReport(
        "{\"submission\": \"Lab3_111111_222222\", \"parts\": [{\"part\": \"Part2\", \"score\":"
            + " 3, \"max\": 4, \"checks\": ["
            + checks
            + "]}]}",
        1);
  }

  /** {@code csv} filled with the 3/4 of one Moodle 4.1+ folder {@code <name>_<id>_...}. */
  private static List<String> filledBy(String name, String id, String csv) {
    var folder =
        new MoodleDownload.Participant(
            name + "_" + id + "_assignsubmission_file", name, id, "4.1+");
    var handIn =
        new MoodleDownload.HandIn(
            java.nio.file.Path.of("Lab3_111111_222222"), "h", "111111", "222222", List.of(folder));
    WorksheetMatch match = WorksheetMatch.of(Map.of(handIn, threeOfFour()), Worksheet.cells(csv));
    return Worksheet.fill(csv, null, null, match::grade).lines().toList();
  }

  @Test
  void moodle41GroupFolderGradesEveryMembersRowAndItsGroupIdMatchesNoParticipant() {
    // Group "Team Rocket" has id 12; participant 12 (Zed) is in another group, not graded here.
    String csv =
        "Identifier,Full name,Group,Status,Grade,Maximum Grade,Feedback comments\n"
            + "Participant 101,Ann A,Team Rocket,Submitted,,10.00,\n"
            + "Participant 102,Ben B,Team Rocket,Submitted,,10.00,\n"
            + "Participant 12,Zed Z,Team Magma,Submitted,,10.00,\n";
    List<String> rows = filledBy("Team Rocket", "12", csv);
    assertEquals(
        "Participant 101,Ann A,Team Rocket,Submitted,\"7.50\",10.00,",
        rows.get(1).replaceAll(",\"[^\"]*\"$", ","));
    org.junit.jupiter.api.Assertions.assertTrue(
        rows.get(1).endsWith("\"") && rows.get(1).contains("3/4"), rows.get(1));
    assertEquals(
        rows.get(1).replace("101,Ann A", "102,Ben B"), rows.get(2), "every member, the same grade");
    assertEquals(csv.lines().toList().get(3), rows.get(3), "a group id is no participant id");
  }

  @Test
  void aParticipantFolderStillMatchesItsOwnRowByIdOnly() {
    String csv =
        "Identifier,Full name,Status,Grade,Maximum Grade,Feedback comments\n"
            + "Participant 101,Ada Lovelace,Submitted,,10.00,\n"
            + "Participant 1101,Bob,Submitted,,10.00,\n";
    List<String> rows = filledBy("Ada Lovelace", "101", csv);
    org.junit.jupiter.api.Assertions.assertTrue(rows.get(1).contains("\"7.50\""), rows.get(1));
    assertEquals(csv.lines().toList().get(2), rows.get(2));
  }
}
