package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import lab3.apps.grade.GradeCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade-class} on a small Moodle download of Python hand-ins, Part 2 only and short limits
 * so that it stays quick: two copies of one hand-in under other names, one that hangs, one folder
 * without a hand-in.
 */
class GradeClassTest {
  @TempDir Path tmp;

  private static void copyResource(String name, Path to) throws IOException {
    try (InputStream in = GradeClassTest.class.getClassLoader().getResourceAsStream(name)) {
      Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A Moodle 4.1 folder holding {@code Lab3_A_B/} with Part 2 from {@code resource}. */
  private Path folder(Path download, String who, String a, String b, String resource)
      throws IOException {
    Path dir =
        Files.createDirectories(
            download.resolve(who + "_assignsubmission_file").resolve("Lab3_" + a + "_" + b));
    copyResource(resource, dir.resolve("Part2_" + a + "_" + b + ".py"));
    return dir;
  }

  private static List<String> csvRow(Path csv, String prefix) throws IOException {
    return Files.readAllLines(csv).stream().filter(l -> l.startsWith(prefix)).toList();
  }

  @Test
  void aSmallClassIsGradedFilledResumedAndComparedAndLeavesNothingBehind() throws Exception {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    Assumptions.assumeTrue(
        GradeCommand.sandboxAvailable(),
        "no network namespace can be made here (needs unshare and ip)");
    Path download = Files.createDirectories(tmp.resolve("download"));
    folder(download, "Ada Lovelace_101", "111111", "222222", "submissions/python/Part2.py");
    Path copy = folder(download, "Bea Copy_102", "333333", "444444", "submissions/python/Part2.py");
    folder(download, "Cy Hang_103", "555555", "666666", "submissions/broken/Part2_hangs.py");
    Files.createDirectories(download.resolve("Dee Nil_104_assignsubmission_file"));
    Path worksheet =
        Files.writeString(
            tmp.resolve("worksheet.csv"),
            "\"Kennung\",\"Vollständiger Name\",\"Status\",\"Bewertung\",\"Bestwertung\",\"Feedback als Kommentar\"\n"
                + "\"Teilnehmer/in 101\",\"Ada Lovelace\",\"Zur Bewertung abgegeben\",\"\",\"10,00\",\"\"\n"
                + "\"Teilnehmer/in 103\",\"Cy Hang\",\"Zur Bewertung abgegeben\",\"\",\"10,00\",\"\"\n");
    Path out = tmp.resolve("out");
    String[] args = {
      "grade-class",
      download.toString(),
      "--out",
      out.toString(),
      "--parts",
      "Part2",
      // The bench runs a hand-in's checks at once: the hanging one needs one --timeout (25 s), more
      // than the whole-hand-in limit (15 s); the correct one needs about 3 s (more under load).
      "--timeout",
      "25",
      "--hand-in-limit",
      "15",
      "--retries",
      "0",
      "--jobs",
      "3",
      "--worksheet",
      worksheet.toString(),
      "--similarity"
    };
    CommandRun run = CommandRun.of(args);
    String all = run.out() + run.stderr();
    assertEquals(1, run.status(), all);
    if (lab3.netlab.LabNetwork.unavailableReason().isEmpty()) {
      // auto: each hand-in on a lab network of its own, three at once; the hanging one's was
      // removed with its sandbox when the limit killed it.
      assertTrue(run.stderr().contains("each hand-in on a lab network of its own"), all);
      assertTrue(run.stderr().contains("grading 3 at a time"), all);
    }
    List<String> ada = csvRow(out.resolve("grades.csv"), "Ada Lovelace_101");
    assertEquals(1, ada.size(), all);
    assertTrue(
        ada.get(0).contains(",111111,222222,Lab3_111111_222222,5,,,,,,5,5,graded,"),
        () -> ada.get(0) + "\n" + all);
    List<String> hang = csvRow(out.resolve("grades.csv"), "Cy Hang_103");
    assertTrue(hang.get(0).contains(",not graded,"), hang.get(0));
    assertTrue(hang.get(0).contains("whole-hand-in limit of 15 s"), hang.get(0));
    assertTrue(csvRow(out.resolve("grades.csv"), "Dee Nil_104").get(0).contains(",no hand-in,"));
    assertTrue(run.out().contains("not graded (re-run with --resume):"), run.out());
    assertTrue(run.out().contains("Cy Hang_103_assignsubmission_file: timed out"), run.out());

    // The worksheet: the graded row gets 10,00 and feedback; the hanging one is left alone.
    List<String> sheet = Files.readAllLines(worksheet);
    assertTrue(
        sheet
            .get(1)
            .startsWith(
                "\"Teilnehmer/in 101\",\"Ada Lovelace\",\"Zur Bewertung abgegeben\",\"10,00\",\"10,00\",\"Lab 3"),
        sheet.get(1));
    assertEquals(
        "\"Teilnehmer/in 103\",\"Cy Hang\",\"Zur Bewertung abgegeben\",\"\",\"10,00\",\"\"",
        sheet.get(2));

    // Gradescope's results.json and the feedback zip, under the download's folder names.
    String results =
        Files.readString(out.resolve("results/Ada Lovelace_101_assignsubmission_file.json"));
    assertTrue(results.contains("\"score\": 5"), results);
    assertTrue(results.contains("\"max_score\": 1"), results);
    // Written as the Gradescope package writes it: Markdown, a visibility, and where it was graded.
    assertTrue(results.contains("\"output_format\": \"md\""), results);
    assertTrue(results.contains("\"visibility\": \"visible\""), results);
    assertTrue(results.contains("How it was graded: each program ran contained"), results);
    if (lab3.netlab.LabNetwork.unavailableReason().isEmpty()) {
      assertTrue(results.contains("Graded on a lab network of the hand-in's own"), results);
    }
    assertFalse(Files.exists(out.resolve("results/Cy Hang_103_assignsubmission_file.json")));
    try (ZipFile zip = new ZipFile(out.resolve("feedback.zip").toFile())) {
      assertTrue(zip.getEntry("Ada Lovelace_101_assignsubmission_file/feedback.html") != null);
      assertTrue(zip.getEntry("Bea Copy_102_assignsubmission_file/feedback.txt") != null);
    }

    // The two copies are the top pair.
    List<String> pairs = Files.readAllLines(out.resolve("similarity.csv"));
    assertTrue(pairs.size() >= 3, pairs.toString());
    assertTrue(pairs.get(1).startsWith("1,python,"), pairs.toString());
    assertTrue(
        pairs.get(1).contains("Ada Lovelace_101") && pairs.get(1).contains("Bea Copy_102"),
        pairs.toString());
    assertTrue(Files.isRegularFile(out.resolve("similarity-python.jplag")));

    // Nothing of a hand-in left running or on disk.
    assertTrue(
        ProcessHandle.current()
            .descendants()
            .noneMatch(p -> p.info().commandLine().orElse("").contains("Part2_")),
        "a hand-in's process is left");
    assertFalse(Files.exists(out.resolve(".work")), "the benches' folders are left");

    // --resume: only the changed copy and the one not graded are graded again.
    Files.writeString(
        copy.resolve("Part2_333333_444444.py"),
        "\n# changed\n",
        java.nio.file.StandardOpenOption.APPEND);
    String[] again = java.util.Arrays.copyOf(args, args.length + 1);
    again[args.length] = "--resume";
    CommandRun resumed = CommandRun.of(again);
    assertTrue(resumed.stderr().contains("resume: 1 of 3 hand-ins unchanged"), resumed.stderr());
    assertFalse(
        resumed.stderr().contains("done, 0 running, 0 left, about 0 s left: Ada"),
        resumed.stderr());
    assertTrue(
        resumed.stderr().contains("Bea Copy_102_assignsubmission_file 5/5"), resumed.stderr());
  }

  /** Runs {@code command folder args...}: exit 2, the message and the usage line on stderr. */
  private static void refused(String command, Path folder, List<String> args, String message) {
    List<String> line = new ArrayList<>(List.of(command, folder.toString()));
    line.addAll(args);
    CommandRun run = CommandRun.of(line.toArray(String[]::new));
    String said = line + " said: " + run.stderr();
    assertEquals(2, run.status(), said);
    assertEquals("", run.out(), said);
    List<String> lines = run.stderr().lines().toList();
    assertEquals(2, lines.size(), said);
    assertEquals("lab3 " + command + ": " + message, lines.get(0), said);
    assertTrue(lines.get(1).startsWith("usage: lab3 " + command + " "), said);
  }

  @Test
  void aBadTimeoutRetriesOrChecksAtOnceIsRefusedInGradesWords() throws IOException {
    Path handIn = Files.createDirectories(tmp.resolve("Lab3_111111_222222"));
    Map<List<String>, String> refusals = new LinkedHashMap<>();
    refusals.put(List.of("--timeout", "0"), "--timeout must be positive");
    refusals.put(List.of("--timeout", "-1.5"), "--timeout must be positive");
    refusals.put(List.of("--timeout", "soon"), "--timeout must be a number, got 'soon'");
    refusals.put(List.of("--retries", "-1"), "--retries must be 0 or more");
    refusals.put(List.of("--retries", "1.5"), "--retries must be a whole number, got '1.5'");
    refusals.put(List.of("--checks-at-once", "0"), "--checks-at-once must be 1 or more");
    // Several at once: the first in grade's order is named, by both.
    refusals.put(
        List.of("--checks-at-once", "0", "--retries", "-1", "--timeout", "0"),
        "--timeout must be positive");
    for (var refusal : refusals.entrySet()) {
      for (String command : List.of("grade", "grade-class")) {
        refused(command, handIn, refusal.getKey(), refusal.getValue());
      }
      refused("grader-package", Path.of("autolab"), withOut(refusal.getKey()), refusal.getValue());
    }
  }

  @Test
  void graderPackageRefusesWhatAnEnginesContainerCannotGiveByTheOptionsName() {
    Map<List<String>, String> refusals = new LinkedHashMap<>();
    refusals.put(List.of("--retries", "9"), "--retries is 0 to 5 in an engine, not 9");
    refusals.put(
        List.of("--checks-at-once", "9"), "--checks-at-once is 1 to 8 in an engine, not 9");
    refusals.put(
        List.of("--timeout", "601"), "--timeout is above 0 and at most 600 s in an engine");
    refusals.put(
        List.of("--hand-in-memory", "lots"), "--hand-in-memory is a size like 512M, not 'lots'");
    for (var refusal : refusals.entrySet()) {
      refused(
          "grader-package", Path.of("gradescope"), withOut(refusal.getKey()), refusal.getValue());
    }
  }

  /** {@code --out} (which grader-package needs) before {@code args}. */
  private List<String> withOut(List<String> args) {
    List<String> line = new ArrayList<>(List.of("--out", tmp.resolve("package").toString()));
    line.addAll(args);
    return line;
  }

  @Test
  void aBadJobsOrHandInLimitIsRefusedByName() throws IOException {
    Path download = Files.createDirectories(tmp.resolve("download"));
    refused("grade-class", download, List.of("--jobs", "0"), "--jobs must be 1 or more");
    refused(
        "grade-class",
        download,
        List.of("--hand-in-limit", "0"),
        "--hand-in-limit must be positive");
    refused(
        "grade-class",
        download,
        List.of("--hand-in-limit", "long"),
        "--hand-in-limit must be a number, got 'long'");
  }
}
