package lab3.grading.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxRunnerTest {
  @TempDir Path tmp;

  @Test
  void namespaceThatCannotBeMadeIsAHarnessErrorNotAZero() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("Lab3_111111_222222"));
    Files.writeString(dir.resolve("Part2_111111_222222.py"), "print('hi')\n");
    // An unshare that fails as it does where namespaces are forbidden.
    List<String> failingUnshare =
        List.of(
            "sh",
            "-c",
            "echo 'unshare: unshare failed: Operation not permitted' >&2; exit 1",
            "unshare");
    SandboxRunner runner =
        new SandboxRunner(
            failingUnshare,
            Duration.ofSeconds(2),
            Duration.ofSeconds(30),
            0,
            List.of(),
            tmp.resolve("work"));
    MoodleDownload.HandIn h =
        new MoodleDownload.HandIn(
            dir, "hash", "111111", "222222", List.of(MoodleDownload.participant(dir)));
    Graded g = runner.grade(h);
    assertFalse(g.graded());
    assertTrue(g.why().startsWith("harness error"), g.why());
    assertTrue(g.why().contains("Operation not permitted"), g.why());
    assertTrue(
        Outputs.gradesCsv(
                new MoodleDownload.Intake(List.of(h), java.util.Map.of()), java.util.Map.of(h, g))
            .contains(",not graded,"));
    try (var left = Files.list(tmp.resolve("work"))) {
      assertFalse(left.findAny().isPresent(), "the bench's folder is deleted");
    }
  }
}
