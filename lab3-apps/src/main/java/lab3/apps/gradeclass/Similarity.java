package lab3.apps.gradeclass;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Language;
import de.jplag.exceptions.ExitException;
import de.jplag.java.JavaLanguage;
import de.jplag.options.JPlagOptions;
import de.jplag.python3.PythonLanguage;
import de.jplag.reporting.reportobject.ReportObjectFactory;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --similarity}: JPlag over the hand-ins' own sources, one run per language (Java, Python),
 * ranked pairs in {@code DIR/similarity.csv} and JPlag's report files ({@code
 * DIR/similarity-java.jplag}, {@code DIR/similarity-python.jplag}) for its viewer. A similarity is
 * a pointer for a person, never a grade change.
 *
 * <p>What {@code submit} generates (the launcher scripts {@code PartN_A_B} and {@code lab3-run},
 * {@code lab3.jar}) is the base code every hand-in shares: none of it is a Java or Python source,
 * so it is left out when the sources are gathered, which is what JPlag's base code would do for it.
 * Only {@code .java} and {@code .py} files count.
 */
final class Similarity {
  private record Lang(String name, String suffix, Language language) {}

  private Similarity() {}

  /** Runs JPlag and returns the CSV's path. */
  static Path run(List<MoodleDownload.HandIn> handIns, Path out, Path work, PrintStream log)
      throws IOException {
    List<Lang> langs =
        List.of(
            new Lang("java", ".java", new JavaLanguage()),
            new Lang("python", ".py", new PythonLanguage()));
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
      JPlagOptions options =
          new JPlagOptions(lang.language(), Set.of(root.toFile()), Set.of())
              .withMaximumNumberOfComparisons(JPlagOptions.SHOW_ALL_COMPARISONS);
      try {
        JPlagResult result = JPlag.run(options);
        File report = out.resolve("similarity-" + lang.name() + ".jplag").toFile();
        new ReportObjectFactory(report).createAndSaveReport(result);
        for (JPlagComparison c : result.getAllComparisons()) {
          pairs.add(
              new String[] {
                lang.name(),
                c.firstSubmission().getName(),
                c.secondSubmission().getName(),
                String.format(Locale.ROOT, "%.4f", c.similarity()),
                String.format(Locale.ROOT, "%.4f", c.maximalSimilarity())
              });
        }
      } catch (ExitException | RuntimeException e) {
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
