package lab3.grading.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a student uploads, found as the bench's hand-in folder. */
class HandInIntakeTest {
  @TempDir Path tmp;

  private Path dir(String name) throws Exception {
    return Files.createDirectories(tmp.resolve(name));
  }

  @Test
  void filesAloneAreCopiedIntoAFolderNamedFromTheirNumbers() throws Exception {
    Path submission = dir("submission");
    Files.writeString(submission.resolve("Part2_123456_654321.py"), "print(1)\n");
    Files.writeString(submission.resolve("notes.txt"), "hello\n");
    Optional<Path> found = HandInIntake.find(submission, dir("work"));
    assertEquals("Lab3_123456_654321", found.orElseThrow().getFileName().toString());
    assertTrue(Files.isRegularFile(found.get().resolve("Part2_123456_654321.py")));
  }

  @Test
  void aZipBesideNothingElseIsUnpackedAndItsFolderTaken() throws Exception {
    Path submission = dir("submission");
    try (ZipOutputStream zip =
        new ZipOutputStream(Files.newOutputStream(submission.resolve("handin.zip")))) {
      zip.putNextEntry(new ZipEntry("Lab3_123456_654321/Part3_123456_654321.java"));
      zip.write("class X {}\n".getBytes());
      zip.closeEntry();
    }
    Path work = dir("work");
    Optional<Path> found = HandInIntake.find(submission, work);
    assertEquals("Lab3_123456_654321", found.orElseThrow().getFileName().toString());
    assertTrue(found.get().startsWith(work));
  }

  @Test
  void aZipWithANameGoingOutsideIsTheStudentsFaultNotTheBenchs() throws Exception {
    Path submission = dir("submission");
    try (ZipOutputStream zip =
        new ZipOutputStream(Files.newOutputStream(submission.resolve("handin.zip")))) {
      zip.putNextEntry(new ZipEntry("../escape.txt"));
      zip.write("no\n".getBytes());
      zip.closeEntry();
    }
    assertThrows(
        HandInIntake.UnreadableHandIn.class, () -> HandInIntake.find(submission, dir("work")));
    assertTrue(Files.notExists(tmp.resolve("escape.txt")));
  }

  @Test
  void aSubmissionWithoutAnyPartIsNothingToGrade() throws Exception {
    Path submission = dir("submission");
    Files.writeString(submission.resolve("report.pdf"), "%PDF\n");
    assertTrue(HandInIntake.find(submission, dir("work")).isEmpty());
  }
}
