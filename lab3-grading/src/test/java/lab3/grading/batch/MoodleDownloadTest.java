package lab3.grading.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoodleDownloadTest {
  @TempDir Path tmp;

  /** A zip of {@code entries} (name -> content). */
  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, byte[]> handIn(String a, String b, String body) {
    return Map.of(
        "Lab3_" + a + "_" + b + "/Part2_" + a + "_" + b + ".py", text("print('" + body + "')\n"),
        "Lab3_" + a + "_" + b + "/.hidden", text("x"),
        "__MACOSX/Lab3_" + a + "_" + b + "/._Part2_" + a + "_" + b + ".py", text("junk"));
  }

  @Test
  void newLayoutWithANestedZipAndJunkGivesTheHandInInside() throws IOException {
    Path download = Files.createDirectories(tmp.resolve("dl"));
    Path folder =
        Files.createDirectories(download.resolve("Ada Lovelace_101_assignsubmission_file"));
    byte[] inner = zip(handIn("111111", "222222", "a"));
    Files.write(folder.resolve("outer.zip"), zip(Map.of("Lab3_111111_222222.zip", inner)));
    Files.writeString(folder.resolve(".DS_Store"), "junk");
    MoodleDownload.Intake intake = MoodleDownload.read(download, tmp.resolve("work"));
    assertEquals(1, intake.handIns().size(), intake.toString());
    MoodleDownload.HandIn h = intake.handIns().get(0);
    assertEquals("111111", h.a());
    assertEquals(
        new MoodleDownload.Participant(
            "Ada Lovelace_101_assignsubmission_file", "Ada Lovelace", "101", "4.1+"),
        h.participants().get(0));
    List<String> files =
        SafeZip.files(h.dir()).stream().map(p -> h.dir().relativize(p).toString()).toList();
    assertEquals(List.of("Part2_111111_222222.py"), files);
  }

  @Test
  void oldLayoutGroupCopiesAreOneHandInAndAnEmptyFolderIsReported() throws IOException {
    Path download = Files.createDirectories(tmp.resolve("dl"));
    for (String member :
        List.of("Ann Smith_201_assignsubmission_file_", "Ben Jones_202_assignsubmission_file_")) {
      Path f = Files.createDirectories(download.resolve(member));
      Files.write(f.resolve("Lab3_333333_444444.zip"), zip(handIn("333333", "444444", "same")));
    }
    Path other = Files.createDirectories(download.resolve("Cid Roe_203_assignsubmission_file_"));
    Files.write(other.resolve("Lab3_555555_666666.zip"), zip(handIn("555555", "666666", "other")));
    Path empty = Files.createDirectories(download.resolve("Dee Nil_204_assignsubmission_file_"));
    Files.writeString(empty.resolve("notes.txt"), "I forgot");
    Path zipped = tmp.resolve("download.zip");
    // the whole download as Moodle gives it: one zip
    try (OutputStream out = Files.newOutputStream(zipped);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path p : SafeZip.files(download)) {
        zip.putNextEntry(new ZipEntry(download.relativize(p).toString()));
        zip.write(Files.readAllBytes(p));
        zip.closeEntry();
      }
    }
    MoodleDownload.Intake intake = MoodleDownload.read(zipped, tmp.resolve("work"));
    assertEquals(2, intake.handIns().size());
    MoodleDownload.HandIn group = intake.handIns().get(0);
    assertEquals(
        List.of("201", "202"),
        group.participants().stream().map(MoodleDownload.Participant::id).toList());
    assertEquals("before 4.1", group.participants().get(0).layout());
    assertEquals(1, intake.noHandIn().size());
    assertEquals("204", intake.noHandIn().keySet().iterator().next().id());
  }

  @Test
  void zipSlipZipsAreRefusedAndBombsAreBounded() throws IOException {
    Path zip =
        Files.write(
            tmp.resolve("evil.zip"),
            zip(Map.of("../../escaped.txt", text("x"), "ok.txt", text("fine"))));
    Path target = tmp.resolve("t");
    // The JDK's zip file system refuses such a zip whole: nothing of it is written anywhere.
    IOException slip =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class, () -> SafeZip.unpack(zip, target, SafeZip.Limits.DEFAULT));
    assertTrue(slip.getMessage().contains("evil.zip is not a readable zip"), slip.getMessage());
    assertFalse(Files.exists(tmp.resolve("escaped.txt")));
    assertFalse(Files.exists(tmp.getParent().resolve("escaped.txt")));
    Path bomb = Files.write(tmp.resolve("bomb.zip"), zip(Map.of("zeros", new byte[1 << 20])));
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class,
            () -> SafeZip.unpack(bomb, tmp.resolve("b"), new SafeZip.Limits(1000, 10)));
    assertTrue(e.getMessage().contains("more than 1000 bytes"), e.getMessage());
  }
}
