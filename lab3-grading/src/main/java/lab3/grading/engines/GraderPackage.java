package lab3.grading.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the package an engine takes, into a directory of its own:
 *
 * <ul>
 *   <li>Gradescope: {@code lab3-gradescope.zip} (upload it as the autograder: {@code setup.sh} and
 *       {@code run_autograder} at its top, {@code bench.sh}, {@code lib/}, the settings) and its
 *       README;
 *   <li>Autolab: {@code autograde-Makefile} and {@code autograde.tar} (upload both), the Tango
 *       image's {@code Dockerfile}, the scoreboard's column specification and the README;
 *   <li>PrairieLearn: the grader image's {@code Dockerfile} with the bench in {@code lab3/}, a
 *       question's {@code info.json} and {@code question.html}, and the README.
 * </ul>
 *
 * Every package carries the bench's jars ({@link BenchJars}), the settings the staff chose ({@link
 * EngineSettings}), their grading policy if they gave one ({@code lab3-policy.txt}, passed to
 * {@code grade --policy}) and the JDK choice of {@code bench.sh} (Temurin 25, installed by {@code
 * setup.sh} or the Dockerfile).
 */
public final class GraderPackage {
  private static final String RESOURCES = "/lab3/grading/engines/";

  private GraderPackage() {}

  /** The staff's grading policy in a package, if they gave one ({@code grade --policy}). */
  static final String POLICY = "lab3-policy.txt";

  /**
   * Writes {@code engine}'s package into {@code out} (made if need be); returns the files made.
   *
   * @param policy a grading policy file for {@code grade --policy}, or null for the default
   */
  public static List<Path> write(Engine engine, EngineSettings settings, Path policy, Path out)
      throws IOException {
    String policyText = policy == null ? null : Files.readString(policy);
    Files.createDirectories(out);
    List<Path> jars = BenchJars.jars();
    List<Path> made = new ArrayList<>();
    switch (engine) {
      case GRADESCOPE -> {
        Path zip = out.resolve("lab3-gradescope.zip");
        Files.deleteIfExists(zip);
        try (FileSystem fs =
            FileSystems.newFileSystem(
                URI.create("jar:" + zip.toUri()),
                Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
          Path root = fs.getPath("/");
          text(root.resolve("setup.sh"), resource("gradescope/setup.sh"), true);
          text(root.resolve("run_autograder"), resource("gradescope/run_autograder"), true);
          text(root.resolve("bench.sh"), resource("bench.sh"), false);
          text(root.resolve(EngineSettings.FILE), settings.text(), false);
          if (policyText != null) {
            text(root.resolve(POLICY), policyText, false);
          }
          text(root.resolve("README.md"), resource("gradescope/README.md"), false);
          Files.createDirectories(root.resolve("lib"));
          for (Path jar : jars) {
            Files.copy(jar, root.resolve("lib").resolve(jar.getFileName().toString()));
          }
        }
        made.add(zip);
        made.add(text(out.resolve("README.md"), resource("gradescope/README.md"), false));
      }
      case AUTOLAB -> {
        made.add(
            text(out.resolve("autograde-Makefile"), resource("autolab/autograde-Makefile"), false));
        Path tar = out.resolve("autograde.tar");
        try (Tar t = new Tar(Files.newOutputStream(tar))) {
          t.directory("lab3-autolab");
          t.file("lab3-autolab/run", resource("autolab/run"), true);
          t.file("lab3-autolab/bench.sh", resource("bench.sh"), false);
          t.file("lab3-autolab/" + EngineSettings.FILE, settings.text(), false);
          if (policyText != null) {
            t.file("lab3-autolab/" + POLICY, policyText, false);
          }
          t.directory("lab3-autolab/lib");
          for (Path jar : jars) {
            t.file("lab3-autolab/lib/" + jar.getFileName(), jar, false);
          }
        }
        made.add(tar);
        made.add(text(out.resolve("Dockerfile"), resource("autolab/Dockerfile"), false));
        made.add(text(out.resolve("scoreboard.json"), AutolabResults.scoreboardSpec(), false));
        made.add(text(out.resolve("README.md"), resource("autolab/README.md"), false));
      }
      case PRAIRIELEARN -> {
        Path lab3 = Files.createDirectories(out.resolve("lab3"));
        made.add(text(lab3.resolve("run"), resource("prairielearn/run"), true));
        made.add(text(lab3.resolve("bench.sh"), resource("bench.sh"), false));
        made.add(text(lab3.resolve(EngineSettings.FILE), settings.text(), false));
        if (policyText != null) {
          made.add(text(lab3.resolve(POLICY), policyText, false));
        }
        Path lib = Files.createDirectories(lab3.resolve("lib"));
        for (Path jar : jars) {
          made.add(
              Files.copy(
                  jar,
                  lib.resolve(jar.getFileName().toString()),
                  java.nio.file.StandardCopyOption.REPLACE_EXISTING));
        }
        made.add(text(out.resolve("Dockerfile"), resource("prairielearn/Dockerfile"), false));
        made.add(text(out.resolve("info.json"), resource("prairielearn/info.json"), false));
        made.add(text(out.resolve("question.html"), resource("prairielearn/question.html"), false));
        made.add(text(out.resolve("README.md"), resource("prairielearn/README.md"), false));
      }
    }
    return made;
  }

  private static Path text(Path file, String text, boolean executable) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(
        file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    return file;
  }

  /** A file of the packages, from this jar's resources. */
  static String resource(String name) {
    try (InputStream in = GraderPackage.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For the command's summary: the bytes of {@code files}. */
  public static long size(List<Path> files) throws IOException {
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    return bytes;
  }
}
