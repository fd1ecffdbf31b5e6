package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-in zip as the staff get it: unpacked with Info-ZIP's unzip, the scripts still run. */
class SubmitTest {
  @TempDir Path tmp;

  @Test
  void unzippedHandInKeepsItsScriptsExecutableAndItsKeyPrivate() throws Exception {
    Assumptions.assumeTrue(Tools.available("unzip", "-v"), "unzip is not installed");
    Path key = Files.writeString(tmp.resolve("key.pem"), "not a real key\n");
    Path cert = Files.writeString(tmp.resolve("cert.pem"), "not a real certificate\n");
    Path out = Files.createDirectories(tmp.resolve("out"));
    CommandRun submit =
        CommandRun.of(
            "submit",
            "--camipro",
            "123456",
            "654321",
            "--key",
            key.toString(),
            "--cert",
            cert.toString(),
            "--out",
            out.toString());
    assertEquals(0, submit.status(), submit.stderr());

    Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
    Tools.run(unpacked, null, "unzip", "-q", out.resolve("Lab3_123456_654321.zip").toString()).ok();
    Path folder = unpacked.resolve("Lab3_123456_654321");
    for (String part :
        List.of("Part2", "Part3", "Part4_Receiver", "Part4_Sender", "Part5", "Part6_PMU")) {
      assertTrue(Files.isExecutable(folder.resolve(part + "_123456_654321")), part);
    }
    assertTrue(Files.isExecutable(folder.resolve("lab3-run")));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(folder.resolve("123456_key.pem"))));
    assertEquals(
        Files.size(out.resolve("Lab3_123456_654321/lab3.jar")),
        Files.size(folder.resolve("lab3.jar")));
  }
}
