package lab3.grading.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code --similarity} needs of JPlag, so that lab3.jar holds no JPlag: the implementation
 * ({@code lab3.grading.batch.jplag.JplagEngine}) and JPlag are loaded from {@code lab3-similarity/}
 * beside lab3.jar (see {@link Similarity}).
 */
public interface SimilarityEngine {
  /**
   * One compared pair of hand-ins.
   *
   * @param first the first hand-in's folder name under the root
   * @param second the second's
   * @param similarity JPlag's average similarity, 0 to 1
   * @param maxSimilarity JPlag's maximal similarity, 0 to 1
   */
  record Pair(String first, String second, double similarity, double maxSimilarity) {}

  /**
   * Compares every pair of hand-in folders under {@code root} and writes JPlag's report file.
   *
   * @param language "java" or "python"
   * @param root one folder per hand-in, holding only its sources of that language
   * @param report the report file to write, for JPlag's viewer
   * @return every pair compared
   * @throws Exception if JPlag fails
   */
  List<Pair> compare(String language, Path root, Path report) throws Exception;
}
