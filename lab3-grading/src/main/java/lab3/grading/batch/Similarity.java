package lab3.grading.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --similarity}: JPlag over the hand-ins' own sources, one run per language (Java, Python),
 * ranked pairs in {@code DIR/similarity.csv} and JPlag's report files ({@code
 * DIR/similarity-java.jplag}, {@code DIR/similarity-python.jplag}) for its viewer. A similarity is
 * a pointer for a person, never a grade change.
 *
 * <p>Only {@code .java} and {@code .py} files count ({@code lib/}'s jars do not). Hand-ins made
 * with {@code submit} share its six sources but for their CAMIPRO numbers: such pairs rank high.
 *
 * <p>JPlag is not in lab3.jar: the build puts it, with {@link SimilarityEngine}'s implementation,
 * in {@code lab3-similarity/} beside lab3.jar, loaded from there when it is asked for.
 */
public final class Similarity {
  private record Lang(String name, String suffix) {}

  static final String ENGINE = "lab3.grading.batch.jplag.JplagEngine";

  /** The folder beside lab3.jar that holds JPlag and the engine. */
  public static final String FOLDER = "lab3-similarity";

  private Similarity() {}

  /**
   * JPlag: on this class path (tests, a build with it), else from {@link #FOLDER} beside the jar
   * this class came from; empty if neither has it.
   */
  public static Optional<SimilarityEngine> engine() {
    try {
      Class.forName("de.jplag.JPlag");
      return Optional.of(make(Class.forName(ENGINE)));
    } catch (ReflectiveOperationException | LinkageError notHere) {
      // look beside the jar
    }
    try {
      Path jar =
          Path.of(Similarity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = jar.resolveSibling(FOLDER);
      if (!Files.isDirectory(dir)) {
        return Optional.empty();
      }
      List<java.net.URL> urls = new ArrayList<>();
      try (var jars = Files.list(dir)) {
        for (Path p : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
          urls.add(p.toUri().toURL());
        }
      }
      // Never closed: JPlag's classes are used until the command ends.
      ClassLoader loader =
          new java.net.URLClassLoader(
              urls.toArray(java.net.URL[]::new), Similarity.class.getClassLoader());
      return Optional.of(make(loader.loadClass(ENGINE)));
    } catch (ReflectiveOperationException
        | LinkageError
        | IOException
        | java.net.URISyntaxException
        | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static SimilarityEngine make(Class<?> c) throws ReflectiveOperationException {
    return (SimilarityEngine) c.getConstructor().newInstance();
  }

  /** Runs JPlag and returns the CSV's path. */
  public static Path run(
      SimilarityEngine engine,
      List<MoodleDownload.HandIn> handIns,
      Path out,
      Path work,
      PrintStream log)
      throws IOException {
    List<Lang> langs = List.of(new Lang("java", ".java"), new Lang("python", ".py"));
    List<String[]> pairs = new ArrayList<>();
    for (Lang lang : langs) {
      Path root = Files.createDirectories(work.resolve(lang.name()));
      int n = 0;
      for (MoodleDownload.HandIn h : handIns) {
        List<Path> sources =
            SafeZip.files(h.dir()).stream()
                .filter(
                    p ->
                        p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(lang.suffix()))
                .toList();
        if (sources.isEmpty()) {
          continue;
        }
        Path dir = Files.createDirectories(root.resolve(h.key()));
        for (Path s : sources) {
          Path dest = dir.resolve(h.dir().relativize(s).toString());
          Files.createDirectories(dest.getParent());
          Files.copy(s, dest);
        }
        n++;
      }
      if (n < 2) {
        continue;
      }
      try {
        for (SimilarityEngine.Pair c :
            engine.compare(
                lang.name(), root, out.resolve("similarity-" + lang.name() + ".jplag"))) {
          pairs.add(
              new String[] {
                lang.name(),
                c.first(),
                c.second(),
                String.format(Locale.ROOT, "%.4f", c.similarity()),
                String.format(Locale.ROOT, "%.4f", c.maxSimilarity())
              });
        }
      } catch (Exception e) {
        log.println("similarity (" + lang.name() + "): JPlag failed: " + e.getMessage());
      }
    }
    pairs.sort(
        Comparator.comparing((String[] p) -> Double.parseDouble(p[3]))
            .reversed()
            .thenComparing(p -> p[1]));
    StringBuilder csv = new StringBuilder("rank,language,first,second,similarity,max_similarity\n");
    for (int i = 0; i < pairs.size(); i++) {
      String[] p = pairs.get(i);
      csv.append(Outputs.row(List.of(String.valueOf(i + 1), p[0], p[1], p[2], p[3], p[4])));
    }
    Path file = out.resolve("similarity.csv");
    Files.writeString(file, csv);
    return file;
  }
}
