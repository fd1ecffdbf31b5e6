package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab3.apps.grade.GradeCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade} and {@code grade-class} on hand-ins that attack the grading host (the programs in
 * {@code submissions/hostile/}): each is contained, fails its check with a plain reason where it
 * went beyond a limit, leaves nothing behind and learns nothing of the host, and the bench always
 * finishes with a verdict.
 */
class HostileHandInTest {
  private static final String A = "777777";
  private static final String B = "888888";
  private static final String SECRET = "CANARY-7f3a-not-for-students";

  @TempDir Path tmp;

  /** Files a hostile program would write outside its copy, if it could. */
  private List<Path> written;

  @BeforeEach
  void needsTheSandbox() throws IOException {
    Assumptions.assumeTrue(Part1InteropTest.hasPython(), "python3 is not installed");
    Assumptions.assumeTrue(
        Tools.available("bwrap", "--version"),
        "bubblewrap is not installed (apt-get install bubblewrap)");
    written =
        List.of(
            Path.of("/tmp/lab3-hostile-was-here"),
            Path.of("/var/tmp/lab3-hostile-was-here"),
            Path.of("/root/lab3-hostile-was-here"),
            tmp.resolve("lab3-hostile-was-here"));
    for (Path p : written) {
      Files.deleteIfExists(p);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = HostileHandInTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A hand-in folder whose {@code part} is the concatenation of {@code resources}. */
  private Path handIn(String part, String... resources) throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("download").resolve("Lab3_" + A + "_" + B));
    StringBuilder program = new StringBuilder();
    for (String r : resources) {
      program.append(resource("submissions/" + r)).append('\n');
    }
    Files.writeString(folder.resolve(part + "_" + A + "_" + B + ".py"), program);
    return folder;
  }

  private static String score(CommandRun run, String part) {
    Matcher m = Pattern.compile("(?m)^" + part + "\\s+(\\d+/\\d+)").matcher(run.out());
    assertTrue(m.find(), run.out() + run.stderr());
    return m.group(1);
  }

  private static CommandRun grade(Path folder, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("grade", folder.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private void assertNothingWrittenOutside() {
    for (Path p : written) {
      assertFalse(Files.exists(p), p + " was written by the hand-in");
    }
  }

  /** No process of a hand-in named {@code A_B} is left on the machine. */
  private static void assertNoProcessLeft(String part) {
    String name = part + "_" + A + "_" + B;
    List<String> left =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains(name))
            .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
            .toList();
    assertEquals(List.of(), left, "processes of the hand-in are left");
  }

  @Test
  void aClientThatLooksAroundStillPassesAndFindsNothingOfTheHostToTell() throws IOException {
    Path canary = Files.writeString(tmp.resolve("canary-secret.txt"), SECRET + "\n");
    Path linked = Files.writeString(tmp.resolve("canary-linked.txt"), SECRET + " linked\n");
    Path folder = handIn("Part2", "hostile/snoop.py", "python/Part2.py");
    handIn("Part3", "hostile/snoop.py", "hostile/leak.py");
    Files.createSymbolicLink(folder.resolve("planted-symlink"), canary);
    Files.createLink(folder.resolve("planted-hardlink"), linked);
    Path report = tmp.resolve("report.json");
    CommandRun run =
        grade(folder, "--parts", "Part2,Part3", "--timeout", "10", "--report", report.toString());
    String all = run.out() + run.stderr();

    assertEquals("5/5", score(run, "Part2"), all);
    assertEquals("0/2", score(run, "Part3"), all);
    // What the leaking Part 3 told is quoted, and it is only its own sandbox's.
    assertTrue(run.out().contains("leak:"), all);
    String feedback = run.out() + Files.readString(report);
    assertFalse(feedback.contains(SECRET), feedback);
    assertFalse(feedback.contains("/etc/shadow:"), feedback);
    assertFalse(feedback.contains("/root:"), feedback);
    Path shadow = Path.of("/etc/shadow");
    if (Files.isReadable(shadow)) {
      String first = Files.readAllLines(shadow).getFirst();
      assertFalse(feedback.contains(first), feedback);
    }
    assertEquals(SECRET + "\n", Files.readString(canary));
    assertEquals(SECRET + " linked\n", Files.readString(linked));
    assertNothingWrittenOutside();
    assertFalse(Files.exists(folder.resolve("lab3-hostile-was-here")));
  }

  @Test
  void aDaemonInASessionOfItsOwnIsGoneWhenTheCheckEnds() throws IOException {
    Path folder = handIn("Part2", "hostile/daemon.py", "python/Part2.py");
    CommandRun run = grade(folder, "--parts", "Part2", "--timeout", "10");
    assertEquals("5/5", score(run, "Part2"), run.out() + run.stderr());
    assertNoProcessLeft("Part2");
  }

  @Test
  void aForkStormFailsItsCheckWithTheProcessLimitNamed() throws IOException {
    Path folder = handIn("Part3", "hostile/forkstorm.py");
    CommandRun run = grade(folder, "--parts", "Part3", "--timeout", "10");
    String all = run.out() + run.stderr();
    assertEquals("0/2", score(run, "Part3"), all);
    assertTrue(all.contains("Part3 started more than 256 processes and threads at once"), all);
    assertEquals(1, run.status(), all);
    assertNoProcessLeft("Part3");
  }

  @Test
  void fourGibibytesOfMemoryFailWithTheMemoryLimitNamed() throws IOException {
    Path folder = handIn("Part3", "hostile/memory.py");
    CommandRun run = grade(folder, "--parts", "Part3", "--timeout", "20");
    String all = run.out() + run.stderr();
    assertEquals("0/2", score(run, "Part3"), all);
    assertTrue(all.contains("Part3 used more than 512 MiB of memory"), all);
    assertEquals(1, run.status(), all);
  }

  @Test
  void programsThatTogetherGoBeyondTheHandInsMemoryFailWithThatLimitNamed() throws IOException {
    Path folder = handIn("Part3", "hostile/handin-memory.py");
    CommandRun run =
        grade(folder, "--parts", "Part3", "--timeout", "8", "--hand-in-memory", "400M");
    String all = run.out() + run.stderr();
    assertEquals("0/2", score(run, "Part3"), all);
    assertTrue(
        all.contains(
            "Part3 was killed when the hand-in's programs together used more than 400 MiB of"
                + " memory"),
        all);
    assertFalse(all.contains("Part3 used more than 512 MiB"), all); // each stayed under its own
    assertNoProcessLeft("Part3");
  }

  @Test
  void twoGibibytesOnStdoutAreCappedAndFailWithTheOutputLimitNamed() throws IOException {
    Path folder = handIn("Part3", "hostile/flood.py");
    CommandRun run = grade(folder, "--parts", "Part3", "--timeout", "30");
    String all = run.out() + run.stderr();
    assertEquals("0/2", score(run, "Part3"), all);
    assertTrue(all.contains("Part3 printed more than 64 MiB on stdout"), all);
    assertEquals(1, run.status(), all);
  }

  @Test
  void aBusyLoopFailsWithTheCpuTimeLimitNamed() throws IOException {
    Path folder = handIn("Part3", "hostile/busy.py");
    CommandRun run = grade(folder, "--parts", "Part3", "--timeout", "20", "--cpu-time", "1");
    String all = run.out() + run.stderr();
    assertEquals("0/2", score(run, "Part3"), all);
    assertTrue(all.contains("Part3 used more than 1 s of CPU time"), all);
  }

  @Test
  void aFileWithoutEndStopsAtTheFileSizeLimitAndTheFeedbackSaysSo() throws IOException {
    Path folder = handIn("Part3", "hostile/bigfile.py");
    CommandRun run = grade(folder, "--parts", "Part3", "--timeout", "20", "--file-size", "1M");
    String all = run.out() + run.stderr();
    assertEquals("0/2", score(run, "Part3"), all);
    assertTrue(all.contains("reached the file-size limit of 1 MiB"), all);
  }

  @Test
  void aProgramThatKillsAndTracesWhatItSeesReachesNeitherTheBenchNorTheChecksBesideIt()
      throws IOException {
    Path folder = handIn("Part3", "hostile/killer.py");
    handIn("Part2", "python/Part2.py");
    CommandRun run = grade(folder, "--parts", "Part2,Part3", "--timeout", "10");
    String all = run.out() + run.stderr();
    // Part 2's programs run beside it, as the same user nobody: none is killed.
    assertEquals("5/5", score(run, "Part2"), all);
    assertEquals("0/2", score(run, "Part3"), all);
    assertFalse(all.contains("HARNESS ERROR"), all);
    assertEquals(1, run.status(), all);
  }

  @Test
  void withoutASandboxGradingRefusesUnlessToldItIsUnsafeAndThenSaysSoOnTheReport()
      throws IOException {
    Path folder = handIn("Part2", "python/Part2.py");
    CommandRun unsafe = grade(folder, "--parts", "Part2", "--timeout", "10", "--unsafe-no-sandbox");
    assertEquals("5/5", score(unsafe, "Part2"), unsafe.out() + unsafe.stderr());
    assertTrue(unsafe.out().contains(GradeCommand.UNSAFE_WARNING), unsafe.out());
    CommandRun both =
        grade(folder, "--sandbox", "container", "--unsafe-no-sandbox", "--parts", "Part2");
    assertEquals(2, both.status(), both.stderr());
  }

  @Test
  void gradeClassGradesAHostileHandInBesideACorrectOneThatKeepsFullMarks() throws Exception {
    Assumptions.assumeTrue(
        GradeCommand.sandboxAvailable(), "no network namespace can be made here");
    Path download = Files.createDirectories(tmp.resolve("class"));
    Path submitted = Files.createDirectories(tmp.resolve("submitted"));
    CommandRun submit =
        CommandRun.of("submit", "--camipro", "111111", "222222", "--out", submitted.toString());
    assertEquals(0, submit.status(), submit.stderr());
    Path good = Files.createDirectories(download.resolve("Ada Good_101_assignsubmission_file"));
    copyTree(submitted.resolve("Lab3_111111_222222"), good.resolve("Lab3_111111_222222"));
    Path bad =
        Files.createDirectories(
            download
                .resolve("Eve Hostile_102_assignsubmission_file")
                .resolve("Lab3_" + A + "_" + B));
    write(bad, "Part2", "hostile/snoop.py", "hostile/daemon.py", "python/Part2.py");
    write(bad, "Part3", "hostile/memory.py");
    write(bad, "Part4_Receiver", "hostile/forkstorm.py");
    write(bad, "Part4_Sender", "hostile/killer.py");
    write(bad, "Part5", "hostile/flood.py");
    write(bad, "Part6_PMU", "hostile/snoop.py", "hostile/leak.py");
    Path out = tmp.resolve("out");
    CommandRun run =
        CommandRun.of(
            "grade-class",
            download.toString(),
            "--out",
            out.toString(),
            "--timeout",
            "20",
            // Part 3's and Part 6's checks are timing-sensitive, and the hostile hand-in beside
            // spends its CPU limits on a machine of two cores: a re-run tells a flake from a fault.
            "--retries",
            "2",
            "--jobs",
            "2");
    String all = run.out() + run.stderr();
    List<String> rows = Files.readAllLines(out.resolve("grades.csv"));
    String goodRow =
        rows.stream().filter(l -> l.startsWith("Ada Good_101")).findFirst().orElseThrow();
    String badRow =
        rows.stream().filter(l -> l.startsWith("Eve Hostile_102")).findFirst().orElseThrow();
    assertTrue(
        goodRow.contains(",13,13,graded,"),
        () -> {
          try {
            return goodRow
                + "\n"
                + Files.readString(out.resolve("results/Ada Good_101_assignsubmission_file.json"))
                + "\n"
                + all;
          } catch (IOException e) {
            return goodRow + "\n" + all;
          }
        });
    assertTrue(badRow.contains(",graded,"), badRow + "\n" + all);
    assertFalse(
        Files.readString(out.resolve("results/Eve Hostile_102_assignsubmission_file.json"))
            .contains("/etc/shadow:"));
    assertNoProcessLeft("Part2");
    assertNothingWrittenOutside();
  }

  private static void write(Path folder, String part, String... resources) throws IOException {
    StringBuilder program = new StringBuilder();
    for (String r : resources) {
      program.append(resource("submissions/" + r)).append('\n');
    }
    Files.writeString(folder.resolve(part + "_" + A + "_" + B + ".py"), program);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
