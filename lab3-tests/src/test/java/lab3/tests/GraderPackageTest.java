package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import lab3.report.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grader-package}: each engine's package run in its engine's layout on this machine (the
 * fixed places moved by LAB3_SOURCE, LAB3_SUBMISSION, LAB3_RESULTS, LAB3_METADATA; Autolab's as
 * Tango runs it, {@code make autograde} in a directory holding only the Makefile, autograde.tar and
 * handin.zip), for our own hand-in, a wrong one, a hanging one, and a harness error (the package's
 * jar broken: the bench cannot start).
 */
class GraderPackageTest {
  private static final String A = "111111";
  private static final String B = "222222";
  private static final String JAVA_HOME = System.getProperty("java.home");

  @TempDir static Path shared;
  @TempDir Path tmp;

  private static Path ownZip;
  private static Path ownFolder;

  @BeforeAll
  static void ourOwnHandIn() throws IOException {
    CommandRun submit = CommandRun.of("submit", "--camipro", A, B, "--out", shared.toString());
    assertEquals(0, submit.status(), submit.stderr());
    ownFolder = shared.resolve("Lab3_" + A + "_" + B);
    ownZip = shared.resolve("Lab3_" + A + "_" + B + ".zip");
  }

  /** Our hand-in with its Part 2 replaced by {@code main}'s body, zipped as {@code handin.zip}. */
  private Path handInWithPart2(String name, String mainBody) throws IOException {
    Path folder = tmp.resolve(name).resolve("Lab3_" + A + "_" + B);
    copy(ownFolder, folder);
    Files.writeString(
        folder.resolve("Part2_" + A + "_" + B + ".java"),
        "public class Part2_"
            + A
            + "_"
            + B
            + " {\n  public static void main(String[] args) throws Exception {\n    "
            + mainBody
            + "\n  }\n}\n");
    Path zip = tmp.resolve(name).resolve("handin.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
        Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new ZipEntry(folder.getParent().relativize(f).toString()));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return zip;
  }

  private Path wrongHandIn() throws IOException {
    return handInWithPart2("wrong", "System.out.println(\"This is not PMU data\");");
  }

  private Path hangingHandIn() throws IOException {
    return handInWithPart2("hanging", "Thread.sleep(Long.MAX_VALUE);");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }

  private Path pack(String engine, String... options) {
    Path out = tmp.resolve(engine + "-package");
    List<String> args = new ArrayList<>(List.of("grader-package", engine, "--out", out.toString()));
    args.addAll(List.of(options));
    CommandRun run = CommandRun.of(args.toArray(String[]::new));
    assertEquals(0, run.status(), run.stderr());
    return out;
  }

  /** A broken jar in the package: the bench cannot even start. */
  private static void breakJar(Path lib) throws IOException {
    try (Stream<Path> jars = Files.list(lib)) {
      for (Path jar : jars.toList()) {
        Files.writeString(jar, "not a jar");
      }
    }
  }

  private record Run(int status, String out, String err) {}

  /** Runs {@code command} in {@code dir} with {@code env} added; at most 5 minutes. */
  private Run run(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    pb.environment().put("LAB3_JAVA_HOME", JAVA_HOME);
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " ran beyond 5 minutes");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  // ---- Gradescope ----

  /** Unpacks the autograder zip into source/, as Gradescope does, and lays out the rest. */
  private Map<String, String> gradescopeLayout(Path pkg, Path submission) throws IOException {
    Path root = tmp.resolve("autograder");
    Path source = Files.createDirectories(root.resolve("source"));
    Path sub = Files.createDirectories(root.resolve("submission"));
    try (var zip = new java.util.zip.ZipFile(pkg.resolve("lab3-gradescope.zip").toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        Path dest = source.resolve(e.getName());
        if (e.isDirectory()) {
          Files.createDirectories(dest);
        } else {
          Files.createDirectories(dest.getParent());
          Files.copy(zip.getInputStream(e), dest);
        }
      }
    }
    Files.copy(submission, sub.resolve(submission.getFileName()));
    Map<String, String> env = new HashMap<>();
    env.put("LAB3_SOURCE", source.toString());
    env.put("LAB3_SUBMISSION", sub.toString());
    env.put("LAB3_RESULTS", root.resolve("results").toString());
    env.put("LAB3_METADATA", root.resolve("submission_metadata.json").toString());
    return env;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Path file) throws IOException {
    return (Map<String, Object>) Json.parse(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> tests(Map<String, Object> results) {
    return (List<Map<String, Object>>) results.get("tests");
  }

  /** The tests worth points (advice, such as Part 2 with n=120, is worth none). */
  private static List<Map<String, Object>> scored(Map<String, Object> results, String max) {
    return tests(results).stream().filter(t -> (Double) t.get(max) > 0).toList();
  }

  @Test
  void gradescopeGivesOurOwnHandIn13PointsAndEveryTestItsVisibility() throws Exception {
    Map<String, String> env =
        gradescopeLayout(pack("gradescope", "--hidden-parts", "Part6_PMU"), ownZip);
    Run run = run(tmp, env, "bash", Path.of(env.get("LAB3_SOURCE"), "run_autograder").toString());
    assertEquals(0, run.status(), run.out() + run.err());
    Map<String, Object> results = json(Path.of(env.get("LAB3_RESULTS"), "results.json"));
    assertEquals(13.0, results.get("score"), run.err());
    assertEquals(13, scored(results, "max_score").size());
    for (Map<String, Object> test : tests(results)) {
      String expected =
          test.get("name").toString().startsWith("Part6_PMU") ? "after_due_date" : "visible";
      assertEquals(expected, test.get("visibility"), test.toString());
      if ((Double) test.get("max_score") > 0) {
        assertEquals("passed", test.get("status"), test.toString());
      }
    }
    assertEquals("md", results.get("output_format"));
    assertTrue(results.get("output").toString().contains("This container allows"), run.err());
  }

  @Test
  void gradescopeFailsAWrongPart2WithTheReason() throws Exception {
    Map<String, String> env =
        gradescopeLayout(pack("gradescope", "--parts", "Part2", "--timeout", "5"), wrongHandIn());
    Run run = run(tmp, env, "bash", Path.of(env.get("LAB3_SOURCE"), "run_autograder").toString());
    assertEquals(0, run.status(), run.out() + run.err());
    Map<String, Object> results = json(Path.of(env.get("LAB3_RESULTS"), "results.json"));
    assertEquals(0.0, results.get("score"), run.err());
    assertEquals(5, scored(results, "max_score").size());
    assertTrue(
        scored(results, "max_score").stream()
            .allMatch(
                t -> t.get("status").equals("failed") && t.get("output").toString().length() > 10),
        tests(results).toString());
  }

  @Test
  void gradescopeFailsAHangingPart2ByItsTimeLimit() throws Exception {
    Map<String, String> env =
        gradescopeLayout(pack("gradescope", "--parts", "Part2", "--timeout", "3"), hangingHandIn());
    Run run = run(tmp, env, "bash", Path.of(env.get("LAB3_SOURCE"), "run_autograder").toString());
    assertEquals(0, run.status(), run.out() + run.err());
    Map<String, Object> results = json(Path.of(env.get("LAB3_RESULTS"), "results.json"));
    assertEquals(0.0, results.get("score"));
    assertTrue(
        tests(results).stream()
            .anyMatch(t -> t.get("output").toString().contains("did not finish")),
        tests(results).toString());
  }

  @Test
  void gradescopeHarnessErrorFailsTheAutograderWithAMessageNeverAZero() throws Exception {
    Map<String, String> env = gradescopeLayout(pack("gradescope"), ownZip);
    breakJar(Path.of(env.get("LAB3_SOURCE"), "lib"));
    Run run = run(tmp, env, "bash", Path.of(env.get("LAB3_SOURCE"), "run_autograder").toString());
    assertEquals(1, run.status(), run.out() + run.err());
    assertFalse(Files.exists(Path.of(env.get("LAB3_RESULTS"), "results.json")));
    assertTrue(run.out().contains("NOT GRADED") && run.out().contains("re-run"), run.out());
  }

  @Test
  void gradescopeSubmissionBeyondTheLimitKeepsTheLatestScoreUngraded() throws Exception {
    Map<String, String> env =
        gradescopeLayout(pack("gradescope", "--submission-limit", "2/24"), ownZip);
    Files.writeString(
        Path.of(env.get("LAB3_METADATA")),
        """
        {"id": 3, "created_at": "2026-12-07T12:00:00.000000+01:00",
         "previous_submissions": [
           {"submission_time": "2026-12-07T09:00:00.000000+01:00", "score": 9.0,
            "results": {"score": 9.0, "tests": [{"name": "Part2: x", "score": 1.0}]}},
           {"submission_time": "2026-12-07T08:00:00.000000+01:00", "score": 4.0,
            "results": {"score": 4.0, "tests": []}},
           {"submission_time": "2026-12-05T08:00:00.000000+01:00", "score": 1.0,
            "results": {"score": 1.0, "tests": []}}]}
        """);
    Run run = run(tmp, env, "bash", Path.of(env.get("LAB3_SOURCE"), "run_autograder").toString());
    assertEquals(0, run.status(), run.out() + run.err());
    Map<String, Object> results = json(Path.of(env.get("LAB3_RESULTS"), "results.json"));
    assertEquals(9.0, results.get("score"));
    assertEquals(1, tests(results).size());
    assertTrue(
        results.get("output").toString().contains("2026-12-08T08:00+01:00"), results.toString());
  }

  // ---- Autolab ----

  /** A job directory as Tango makes it: only the Makefile, autograde.tar and handin.zip. */
  private Path autolabJob(Path pkg, Path handIn) throws IOException {
    Path job = Files.createDirectories(tmp.resolve("job"));
    Files.copy(pkg.resolve("autograde-Makefile"), job.resolve("Makefile"));
    Files.copy(pkg.resolve("autograde.tar"), job.resolve("autograde.tar"));
    Files.copy(handIn, job.resolve("handin.zip"));
    try (Stream<Path> files = Files.list(job)) {
      assertEquals(3, files.count());
    }
    return job;
  }

  private static String lastLine(String out) {
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    return lines.getLast();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> scores(String lastLine) {
    return (Map<String, Object>) ((Map<String, Object>) Json.parse(lastLine)).get("scores");
  }

  @Test
  @SuppressWarnings("unchecked")
  void autolabPrintsOurOwnHandInsScoresPerPartSumming13OnTheLastLine() throws Exception {
    Path job = autolabJob(pack("autolab"), ownZip);
    Run run = run(job, Map.of(), "make", "autograde");
    assertEquals(0, run.status(), run.out() + run.err());
    Map<String, Object> last = (Map<String, Object>) Json.parse(lastLine(run.out()));
    Map<String, Object> scores = scores(lastLine(run.out()));
    assertEquals(
        List.of("Part2", "Part3", "Part4_Receiver", "Part4_Sender", "Part5", "Part6_PMU"),
        List.copyOf(scores.keySet()));
    assertEquals(13.0, scores.values().stream().mapToDouble(v -> (Double) v).sum(), run.out());
    assertEquals(13.0, ((List<Object>) last.get("scoreboard")).getFirst());
  }

  @Test
  void autolabScoresAWrongPart2Zero() throws Exception {
    Path job = autolabJob(pack("autolab", "--parts", "Part2", "--timeout", "5"), wrongHandIn());
    Run run = run(job, Map.of(), "make", "autograde");
    assertEquals(0, run.status(), run.out() + run.err());
    assertEquals(0.0, scores(lastLine(run.out())).get("Part2"), run.out());
    assertTrue(run.out().contains("FAILED Part2: CMD_short:0"), run.out());
  }

  @Test
  void autolabScoresAHangingPart2ZeroByItsTimeLimit() throws Exception {
    Path job = autolabJob(pack("autolab", "--parts", "Part2", "--timeout", "3"), hangingHandIn());
    Run run = run(job, Map.of(), "make", "autograde");
    assertEquals(0, run.status(), run.out() + run.err());
    assertEquals(0.0, scores(lastLine(run.out())).get("Part2"), run.out());
    assertTrue(run.out().contains("did not finish"), run.out());
  }

  @Test
  void autolabHarnessErrorEndsWithTheDocumentedNonScoreLine() throws Exception {
    Path pkg = pack("autolab");
    // The tar's jar replaced by a broken one: unpack, break, pack again with tar.
    Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
    assertEquals(
        0, run(unpacked, Map.of(), "tar", "xf", pkg.resolve("autograde.tar").toString()).status());
    breakJar(unpacked.resolve("lab3-autolab/lib"));
    assertEquals(
        0,
        run(
                unpacked,
                Map.of(),
                "tar",
                "cf",
                pkg.resolve("autograde.tar").toString(),
                "lab3-autolab")
            .status());
    Path job = autolabJob(pkg, ownZip);
    Run run = run(job, Map.of(), "make", "autograde");
    assertEquals(0, run.status(), run.out() + run.err());
    assertTrue(lastLine(run.out()).startsWith("LAB3 NOT GRADED (re-run this job):"), run.out());
    assertFalse(run.out().contains("\"scores\""), run.out());
  }

  // ---- PrairieLearn ----

  private Map<String, String> prairieLearnLayout(Path pkg, Path handIn) throws IOException {
    Path grade = tmp.resolve("grade");
    Path student = Files.createDirectories(grade.resolve("student"));
    Files.copy(handIn, student.resolve("handin.zip"));
    return Map.of(
        "LAB3_SOURCE", pkg.resolve("lab3").toString(),
        "LAB3_SUBMISSION", student.toString(),
        "LAB3_RESULTS", grade.resolve("results").toString());
  }

  @Test
  void prairieLearnGivesOurOwnHandInFullScore() throws Exception {
    Map<String, String> env = prairieLearnLayout(pack("prairielearn"), ownZip);
    Run run = run(tmp, env, "bash", Path.of(env.get("LAB3_SOURCE"), "run").toString());
    assertEquals(0, run.status(), run.out() + run.err());
    Map<String, Object> results = json(Path.of(env.get("LAB3_RESULTS"), "results.json"));
    assertEquals(true, results.get("gradable"));
    assertEquals(1.0, results.get("score"), run.err());
    assertEquals(13, scored(results, "max_points").size());
    assertEquals(13.0, tests(results).stream().mapToDouble(t -> (Double) t.get("points")).sum());
  }

  @Test
  void prairieLearnScoresWrongAndHangingPart2Zero() throws Exception {
    for (Path handIn : List.of(wrongHandIn(), hangingHandIn())) {
      Path pkg = pack("prairielearn", "--parts", "Part2", "--timeout", "3");
      Map<String, String> env = prairieLearnLayout(pkg, handIn);
      Run run = run(tmp, env, "bash", Path.of(env.get("LAB3_SOURCE"), "run").toString());
      assertEquals(0, run.status(), run.out() + run.err());
      Map<String, Object> results = json(Path.of(env.get("LAB3_RESULTS"), "results.json"));
      assertEquals(true, results.get("gradable"), handIn.toString());
      assertEquals(0.0, results.get("score"), handIn + run.err());
      deleteTree(tmp.resolve("grade"));
      deleteTree(pkg);
    }
  }

  @Test
  void theStaffsPolicyTravelsInThePackageAndDecides() throws Exception {
    Path policy = Files.writeString(tmp.resolve("policy.txt"), "part2.scored-n=1,7\n");
    Path pkg = pack("prairielearn", "--parts", "Part2", "--policy", policy.toString());
    Map<String, String> env = prairieLearnLayout(pkg, ownZip);
    Run run = run(tmp, env, "bash", Path.of(env.get("LAB3_SOURCE"), "run").toString());
    assertEquals(0, run.status(), run.out() + run.err());
    Map<String, Object> results = json(Path.of(env.get("LAB3_RESULTS"), "results.json"));
    assertEquals(1.0, results.get("score"), run.err());
    assertEquals(4, scored(results, "max_points").size(), results.toString());
  }

  @Test
  void prairieLearnHarnessErrorIsNotGradable() throws Exception {
    Path pkg = pack("prairielearn");
    breakJar(pkg.resolve("lab3/lib"));
    Map<String, String> env = prairieLearnLayout(pkg, ownZip);
    Run run = run(tmp, env, "bash", Path.of(env.get("LAB3_SOURCE"), "run").toString());
    assertEquals(0, run.status(), run.out() + run.err());
    Map<String, Object> results = json(Path.of(env.get("LAB3_RESULTS"), "results.json"));
    assertEquals(false, results.get("gradable"));
    assertFalse(results.containsKey("score"));
    assertTrue(results.get("message").toString().contains("NOT GRADED"), results.toString());
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
