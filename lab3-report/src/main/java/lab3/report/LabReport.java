package lab3.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the experiments in the lab's order and keeps what each gave, or why it failed: one that
 * fails (a server that misbehaves, a missing tool) is named in the report and the others still run.
 */
public final class LabReport {

  /** One experiment of the report. */
  public interface Experiment {
    Object run(ReportContext ctx) throws Exception;
  }

  /**
   * What one experiment gave.
   *
   * @param name e.g. "part2"
   * @param questions e.g. "Q9-Q13"
   * @param result the experiment's record, or null when it failed
   * @param failure why it failed, or null
   * @param millis how long it took
   */
  public record Outcome(String name, String questions, Object result, String failure, long millis) {
    public boolean ok() {
      return failure == null;
    }
  }

  /**
   * Everything the renderers need.
   *
   * @param started when the run began
   * @param command the command line that reproduces the report
   */
  public record Run(ReportContext context, String started, String command, List<Outcome> outcomes) {
    /** The result of experiment {@code name} if it worked, else null. */
    public <T> T result(String name, Class<T> type) {
      for (Outcome o : outcomes) {
        if (o.name().equals(name) && o.ok()) {
          return type.cast(o.result());
        }
      }
      return null;
    }

    public Outcome outcome(String name) {
      return outcomes.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }
  }

  /** A named experiment. */
  public record Step(String name, String questions, String title, Experiment experiment) {}

  /** The report's experiments, in the lab's order. */
  public static List<Step> steps() {
    return List.of(
        new Step("part1", "Q1-Q8", "Part 1: Code A to D, the socket table", Part1Experiment::run),
        new Step("part2", "Q9-Q13", "Part 2: PMU over TCP, captured", Part2Experiment::run),
        new Step("factors", "Q13", "Part 2: delay and MTU varied", FactorsExperiment::run),
        new Step("part3", "Q14-Q15", "Part 3: reset over UDP, loss", Part3Experiment::run),
        new Step("part4", "Q16-Q18", "Part 4: multicast TV program", Part4Experiment::run),
        new Step("part5", "Q19-Q21", "Part 5: PMU over WebSocket, captured", Part5Experiment::run),
        new Step("part6", "Part 6", "Part 6: PMU over TLS, captured", Part6Experiment::run));
  }

  private LabReport() {}

  /** Runs {@code steps}, writing one progress line per experiment to {@code progress}. */
  public static Run run(
      ReportContext ctx, String command, List<Step> steps, Consumer<String> progress) {
    String started = Instant.now().toString();
    List<Outcome> outcomes = new ArrayList<>();
    for (Step step : steps) {
      long t0 = System.nanoTime();
      Object result = null;
      String failure = null;
      try {
        result = step.experiment().run(ctx);
      } catch (Exception | AssertionError e) {
        failure = Failures.describe(e instanceof Exception ex ? ex : new Exception(e));
      }
      long millis = (System.nanoTime() - t0) / 1_000_000;
      outcomes.add(new Outcome(step.name(), step.questions(), result, failure, millis));
      progress.accept(
          String.format(
              "report: %-7s %-8s %s in %.1f s%s",
              step.name(),
              step.questions(),
              failure == null ? "measured" : "FAILED",
              millis / 1e3,
              failure == null ? "" : ": " + failure));
    }
    return new Run(ctx, started, command, outcomes);
  }
}
