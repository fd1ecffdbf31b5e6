package lab3.grading.batch;

/**
 * Grades one hand-in, isolated from every other one: the seam where the kind of isolation is
 * chosen. {@link SandboxRunner} runs the bench of {@code ./lab3 grade} in a sandbox of its own; a
 * lab network of two namespaces (netlab) can take its place behind this interface.
 */
@FunctionalInterface
public interface HandInRunner {
  /** Grades it; never throws for a fault of the hand-in or of the bench (that is "not graded"). */
  Graded grade(MoodleDownload.HandIn handIn) throws InterruptedException;
}
