package lab3.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bench takes each kind of file for, without grading it. */
class SubmissionTest {
  @TempDir Path tmp;

  private Path folder() throws Exception {
    return Files.createDirectories(tmp.resolve("Lab3_111111_222222"));
  }

  @Test
  void absentPartIsEmptyNotAnError() throws Exception {
    assertTrue(Submission.open(folder()).program("Part2").isEmpty());
  }

  @Test
  void shellScriptWithoutExecutableBitRunsWithTheInterpreterItsShebangNames() throws Exception {
    Path dir = folder();
    Path file = Files.writeString(dir.resolve("Part2_111111_222222"), "#!/bin/sh -e\necho hi\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Program p = Submission.open(dir).program("Part2").orElseThrow();
    assertEquals(List.of("/bin/sh", "-e", file.toRealPath().toString()), p.command());
    assertEquals("a script, by its #! line (#!/bin/sh -e)", p.takenFor());
  }

  @Test
  void jarRunsWithJavaJar() throws Exception {
    Path dir = folder();
    Files.write(dir.resolve("Part3_111111_222222.jar"), new byte[] {0x50, 0x4b, 3, 4});
    Program p = Submission.open(dir).program("Part3").orElseThrow();
    assertEquals("-jar", p.command().get(1));
    assertTrue(p.command().getFirst().endsWith("/bin/java"), p.command().toString());
  }

  @Test
  void textThatIsNeitherCodeNorScriptIsPresentButUnrunnable() throws Exception {
    Path dir = folder();
    Files.writeString(dir.resolve("Part2_111111_222222"), "see the report\n");
    var e =
        assertThrows(
            Submission.UnrunnableException.class, () -> Submission.open(dir).program("Part2"));
    assertTrue(e.getMessage().startsWith("Part2_111111_222222 is there but"), e.getMessage());
  }

  @Test
  void javaSourceIsCompiledOnceWithItsPackageAndRunByItsMainClass() throws Exception {
    Path dir = folder();
    Files.writeString(
        dir.resolve("Part2_111111_222222.java"),
        "package ch.epfl;\npublic class Part2 { public static void main(String[] a) {} }\n");
    Submission s = Submission.open(dir);
    int[] javacRuns = {0};
    Submission.Runner runner =
        (command, readOnly) -> {
          javacRuns[0]++;
          try {
            return ProcessRunner.run(command, dir, new byte[0], java.time.Duration.ofSeconds(60));
          } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException();
          }
        };
    s.prepare(List.of("Part2", "Part3"), runner);
    s.prepare(List.of("Part2"), runner);
    assertEquals(1, javacRuns[0]);
    Program p = s.program("Part2").orElseThrow();
    assertEquals("ch.epfl.Part2", p.command().getLast());
    assertTrue(p.takenFor().startsWith("Java (javac and java"), p.takenFor());
  }

  @Test
  void partsThatClashWhenCompiledTogetherAreCompiledApartAndABrokenOneIsReportedAlone()
      throws Exception {
    Path dir = folder();
    String main = "public class Main { public static void main(String[] a) {} }\n";
    Files.writeString(dir.resolve("Part2_111111_222222.java"), main);
    Files.writeString(dir.resolve("Part3_111111_222222.java"), main);
    Files.writeString(
        dir.resolve("Part5_111111_222222.java"), "public class Part5 {\n  int x\n}\n");
    Submission s = Submission.open(dir);
    s.prepare(
        List.of("Part2", "Part3", "Part5"),
        (command, readOnly) -> {
          try {
            return ProcessRunner.run(command, dir, new byte[0], java.time.Duration.ofSeconds(60));
          } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException();
          }
        });
    assertEquals("Main", s.program("Part2").orElseThrow().command().getLast());
    assertEquals("Main", s.program("Part3").orElseThrow().command().getLast());
    assertTrue(
        !s.program("Part2")
            .orElseThrow()
            .command()
            .equals(s.program("Part3").orElseThrow().command()),
        "each on its own class folder");
    var e = assertThrows(Submission.UnrunnableException.class, () -> s.program("Part5"));
    assertEquals("Part5_111111_222222.java does not compile: line 2: ';' expected", e.getMessage());
  }
}
