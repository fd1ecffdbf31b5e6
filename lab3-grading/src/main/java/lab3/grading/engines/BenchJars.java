package lab3.grading.engines;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place that says which jars are "the bench" a package carries: today {@code lab3.jar},
 * lab3-apps's jar with its run-time dependencies inside (about 20 MB: OkHttp, Jetty, BouncyCastle,
 * Guava, Commons CLI, commonmark, JFreeChart, besides lab3's own classes). When the bench moves to
 * a module of its own, this method names that module's jar and its run-time dependencies instead,
 * and nothing else changes: every package copies what this returns into its {@code lib/} and puts
 * {@code lib/*} on the class path.
 */
final class BenchJars {
  static final String NAME = "lab3.jar";

  private BenchJars() {}

  /**
   * The jars, found on this JVM's class path ({@code ./lab3} runs with {@code lab3.jar} on it),
   * else beside the classes of this package or in the source tree's {@code lab3-apps/target/} (the
   * tests).
   *
   * @throws IOException if the jar is not built
   */
  static List<Path> jars() throws IOException {
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (p.getFileName() != null
          && p.getFileName().toString().equals(NAME)
          && Files.isRegularFile(p)) {
        return List.of(p);
      }
    }
    try {
      Path here =
          Path.of(BenchJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path target = here.getParent(); // target/classes or target/lab3-light.jar: target/
      // Beside this module's classes (a jar the apps' build put there), or in the source tree,
      // where lab3-grading/target/classes sits beside lab3-apps/target/lab3.jar (the tests).
      for (Path jar :
          List.of(
              target.resolve(NAME),
              target.getParent().resolveSibling("lab3-apps").resolve("target").resolve(NAME))) {
        if (Files.isRegularFile(jar)) {
          return List.of(jar);
        }
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // no code source: said below
    }
    throw new IOException(
        "the bench's jar "
            + NAME
            + " is not built: run ./mvnw -pl lab3-apps -am -DskipTests package (./lab3 does it)");
  }
}
