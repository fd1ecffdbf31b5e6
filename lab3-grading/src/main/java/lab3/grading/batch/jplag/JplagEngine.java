package lab3.grading.batch.jplag;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Language;
import de.jplag.exceptions.ExitException;
import de.jplag.java.JavaLanguage;
import de.jplag.options.JPlagOptions;
import de.jplag.python3.PythonLanguage;
import de.jplag.reporting.reportobject.ReportObjectFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lab3.grading.batch.SimilarityEngine;

/**
 * The only class that uses JPlag. It is not in lab3.jar (which {@code submit} copies into every
 * hand-in): the build puts it and JPlag into {@code lab3-similarity/} beside lab3.jar, and {@code
 * grade-class --similarity} loads it from there.
 */
public final class JplagEngine implements SimilarityEngine {
  /** The engine; {@code grade-class} makes it by reflection. */
  public JplagEngine() {}

  @Override
  public List<Pair> compare(String language, Path root, Path report) throws Exception {
    Language lang =
        switch (language) {
          case "java" -> new JavaLanguage();
          case "python" -> new PythonLanguage();
          default -> throw new IllegalArgumentException("no JPlag front end for " + language);
        };
    JPlagOptions options =
        new JPlagOptions(lang, Set.of(root.toFile()), Set.of())
            .withMaximumNumberOfComparisons(JPlagOptions.SHOW_ALL_COMPARISONS);
    JPlagResult result;
    try {
      result = JPlag.run(options);
    } catch (ExitException e) {
      throw new Exception(e.getMessage(), e);
    }
    new ReportObjectFactory(report.toFile()).createAndSaveReport(result);
    List<Pair> pairs = new ArrayList<>();
    for (JPlagComparison c : result.getAllComparisons()) {
      pairs.add(
          new Pair(
              c.firstSubmission().getName(),
              c.secondSubmission().getName(),
              c.similarity(),
              c.maximalSimilarity()));
    }
    return pairs;
  }
}
