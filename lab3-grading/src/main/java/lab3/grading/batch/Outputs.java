package lab3.grading.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Renders the graded class: {@code grades.csv}, the feedback zip Moodle takes back, and the
 * summary. Each takes the records and writes; none grades. (Gradescope's {@code results.json} per
 * folder is written by the Gradescope package's own writer, {@code
 * lab3.grading.engines.GradescopeResults}.)
 */
public final class Outputs {
  private Outputs() {}

  /** The part columns of grades.csv, in the lab's order. */
  static final List<String> PARTS =
      List.of("Part2", "Part3", "Part4_Receiver", "Part4_Sender", "Part5", "Part6_PMU");

  /** One row per folder of the download (a group's copies each get the group's row). */
  public static String gradesCsv(
      MoodleDownload.Intake intake, Map<MoodleDownload.HandIn, Graded> graded) {
    StringBuilder csv = new StringBuilder();
    List<String> header =
        new ArrayList<>(
            List.of(
                "folder", "participant_id", "name", "layout", "camipro1", "camipro2", "hand_in"));
    PARTS.forEach(header::add);
    header.addAll(List.of("total", "max", "status", "flaky", "note"));
    csv.append(row(header));
    for (var e : graded.entrySet()) {
      MoodleDownload.HandIn h = e.getKey();
      Graded g = e.getValue();
      for (MoodleDownload.Participant p : h.participants()) {
        List<String> cells =
            new ArrayList<>(
                List.of(
                    p.folder(),
                    p.id(),
                    p.name(),
                    p.layout(),
                    h.a(),
                    h.b(),
                    h.dir().getFileName().toString()));
        Map<String, int[]> parts = g.parts();
        for (String part : PARTS) {
          int[] s = parts.get(part);
          cells.add(!g.graded() || s == null ? "" : String.valueOf(s[0]));
        }
        cells.add(g.graded() ? String.valueOf(g.score()) : "");
        cells.add(g.graded() ? String.valueOf(g.max()) : "");
        cells.add(g.graded() ? "graded" : "not graded");
        cells.add(
            String.valueOf(g.checks().stream().filter(c -> c.status().equals("flaky")).count()));
        cells.add(
            g.graded()
                ? (h.participants().size() > 1 ? "same hand-in as " + others(h, p) : "")
                : g.why());
        csv.append(row(cells));
      }
    }
    for (var e : intake.noHandIn().entrySet()) {
      MoodleDownload.Participant p = e.getKey();
      List<String> cells =
          new ArrayList<>(List.of(p.folder(), p.id(), p.name(), p.layout(), "", "", ""));
      PARTS.forEach(x -> cells.add(""));
      cells.addAll(List.of("", "", "no hand-in", "0", e.getValue()));
      csv.append(row(cells));
    }
    return csv.toString();
  }

  private static String others(MoodleDownload.HandIn h, MoodleDownload.Participant p) {
    return String.join(
        " ",
        h.participants().stream()
            .filter(x -> !x.equals(p))
            .map(MoodleDownload.Participant::folder)
            .toList());
  }

  static String row(List<String> cells) {
    List<String> quoted = new ArrayList<>();
    for (String c : cells) {
      quoted.add(
          c.contains(",") || c.contains("\"") || c.contains("\n")
              ? "\"" + c.replace("\"", "\"\"") + "\""
              : c);
    }
    return String.join(",", quoted) + "\n";
  }

  /** The feedback in plain text. */
  static String feedbackText(MoodleDownload.HandIn h, Graded g) {
    StringBuilder t = new StringBuilder();
    t.append("Lab 3, hand-in ").append(h.dir().getFileName()).append('\n');
    if (!g.graded()) {
      return t.append("Not graded yet: ").append(g.why()).append('\n').toString();
    }
    t.append("Score: ").append(g.score()).append('/').append(g.max()).append(" checks passed\n\n");
    for (var part : g.parts().entrySet()) {
      t.append(part.getKey())
          .append(": ")
          .append(part.getValue()[0])
          .append('/')
          .append(part.getValue()[1])
          .append('\n');
      for (Graded.CheckLine c : g.checks()) {
        if (c.part().equals(part.getKey()) && !c.status().equals("passed")) {
          t.append("  ").append(c.status().toUpperCase(Locale.ROOT)).append(' ').append(c.name());
          t.append(": ")
              .append(c.reason() == null ? "" : c.reason().replace("\n", "\n    "))
              .append('\n');
        }
      }
    }
    return t.toString();
  }

  /** The same feedback as a small HTML page. */
  static String feedbackHtml(MoodleDownload.HandIn h, Graded g) {
    String text = feedbackText(h, g);
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Lab 3 feedback</title></head>\n"
        + "<body><pre>\n"
        + escaped
        + "</pre></body></html>\n";
  }

  /**
   * {@code feedback.zip}: {@code <folder>/feedback.html} and {@code feedback.txt} per folder of the
   * download, under the download's folder names, which is what Moodle's "Upload multiple feedback
   * files in a zip" matches to participants.
   */
  public static void feedbackZip(Path zip, Map<MoodleDownload.HandIn, Graded> graded)
      throws IOException {
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
      for (var e : graded.entrySet()) {
        for (MoodleDownload.Participant p : e.getKey().participants()) {
          put(out, p.folder() + "/feedback.html", feedbackHtml(e.getKey(), e.getValue()));
          put(out, p.folder() + "/feedback.txt", feedbackText(e.getKey(), e.getValue()));
        }
      }
    }
  }

  private static void put(ZipOutputStream out, String name, String text) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }

  /** The summary on stdout: the distribution, the checks most failed, the hand-ins not graded. */
  public static void summary(
      MoodleDownload.Intake intake, Map<MoodleDownload.HandIn, Graded> graded, PrintStream out) {
    List<Graded> ok = graded.values().stream().filter(Graded::graded).toList();
    out.println(
        "hand-ins "
            + graded.size()
            + ", graded "
            + ok.size()
            + ", not graded "
            + (graded.size() - ok.size())
            + ", folders without a hand-in "
            + intake.noHandIn().size());
    int max = ok.stream().mapToInt(Graded::max).max().orElse(0);
    int[] counts = new int[max + 1];
    ok.forEach(g -> counts[Math.min(max, g.score())]++);
    int most = java.util.Arrays.stream(counts).max().orElse(0);
    out.println("score distribution (checks passed):");
    for (int s = max; s >= 0 && max > 0; s--) {
      int width = most == 0 ? 0 : (int) Math.ceil(counts[s] * 40.0 / most);
      out.printf("%3d | %-40s %d%n", s, "#".repeat(width), counts[s]);
    }
    Map<String, Integer> failed = new LinkedHashMap<>();
    for (Graded g : ok) {
      for (Graded.CheckLine c : g.checks()) {
        if (!c.passed()) {
          failed.merge(c.part() + ": " + c.name(), 1, Integer::sum);
        }
      }
    }
    out.println("checks most often failed:");
    failed.entrySet().stream()
        .sorted((x, y) -> y.getValue() - x.getValue())
        .limit(10)
        .forEach(e -> out.printf("%5d  %s%n", e.getValue(), e.getKey()));
    Set<String> notGraded = new LinkedHashSet<>();
    graded.forEach(
        (h, g) -> {
          if (!g.graded()) {
            notGraded.add(h.key() + ": " + g.why());
          }
        });
    out.println("not graded (re-run with --resume):" + (notGraded.isEmpty() ? " none" : ""));
    notGraded.forEach(s -> out.println("  " + s));
    if (!intake.noHandIn().isEmpty()) {
      out.println("no hand-in:");
      intake.noHandIn().forEach((p, why) -> out.println("  " + p.folder() + ": " + why));
    }
    out.flush();
  }
}
