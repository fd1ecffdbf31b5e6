package lab3.grading.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which worksheet row gets which grade. A participant's folder ({@code <Full Name>_<id>_...}) gives
 * its grade to the row of that participant id. In Moodle 4.1+ group mode a folder is the group's
 * ({@code <Group>_<groupId>_...}) while the worksheet still has one row per member, with the
 * group's name in its Group column: every row that names the group gets the group's grade and
 * feedback. A folder is taken for a group's when a row holds its name under another id than the
 * folder's; its id, a group id, then matches no participant's row. (Before 4.1, group mode gave one
 * folder per member, all with the same hand-in: matched by id, graded once.)
 */
public final class WorksheetMatch {
  private static final java.util.regex.Pattern ID =
      java.util.regex.Pattern.compile("([0-9]+)\\s*$");
  private final Map<String, Map.Entry<Double, String>> byId = new HashMap<>();
  private final Map<String, Map.Entry<Double, String>> byGroup = new HashMap<>();

  private WorksheetMatch() {}

  /** The matches of {@code graded}'s folders against the worksheet's {@code cells}. */
  public static WorksheetMatch of(
      Map<MoodleDownload.HandIn, Graded> graded, List<List<String>> cells) {
    WorksheetMatch m = new WorksheetMatch();
    graded.forEach(
        (h, g) -> {
          if (!g.graded()) {
            return;
          }
          String text = Outputs.feedbackText(h, g).strip().replace("\n", " / ");
          var entry = Map.entry(g.max() == 0 ? 0.0 : (double) g.score() / g.max(), text);
          for (MoodleDownload.Participant p : h.participants()) {
            if (namedUnderAnotherId(p, cells)) {
              m.byGroup.put(p.name(), entry);
            } else {
              m.byId.put(p.id(), entry);
            }
          }
        });
    return m;
  }

  private static boolean namedUnderAnotherId(
      MoodleDownload.Participant p, List<List<String>> cells) {
    for (List<String> row : cells.subList(Math.min(1, cells.size()), cells.size())) {
      java.util.regex.Matcher id = ID.matcher(row.getFirst());
      boolean same = id.find() && id.group(1).equals(p.id());
      if (!same && row.subList(1, row.size()).contains(p.name())) {
        return true;
      }
    }
    return false;
  }

  /** The grade (out of 1) and feedback for a row, or null to leave it alone. */
  public Map.Entry<Double, String> grade(String id, List<String> row) {
    for (String cell : Set.copyOf(row.subList(Math.min(1, row.size()), row.size()))) {
      Map.Entry<Double, String> g = byGroup.get(cell);
      if (g != null) {
        return g;
      }
    }
    return id == null ? null : byId.get(id);
  }
}
