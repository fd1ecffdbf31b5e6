package lab3.apps.gradeclass;

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
            FRENCH, null, null, id -> id.equals("101") ? Map.entry(0.5, "Part2: 5/5") : null);
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
    String filled = Worksheet.fill(csv, "Punkte", "4", id -> Map.entry(1.0, "ok"));
    assertEquals("Id,Name,Punkte,Kommentar\nParticipant 7,X,\"1.00\",\"ok\"\n", filled);
  }
}
