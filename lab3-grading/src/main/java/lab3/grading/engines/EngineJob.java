package lab3.grading.engines;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One engine job: what a package's {@code run_autograder} (Gradescope), {@code Makefile} (Autolab)
 * or {@code run} (PrairieLearn) starts, through lab3-apps' {@code lab3.apps.engines.EngineRun
 * <engine>}, which gives it the {@code grade} command to run ({@link Grader}). It finds the hand-in
 * in the submission, probes what the container allows ({@link ContainerProbe}), grades with the
 * bench in the container-is-the-sandbox mode ({@code grade --sandbox container}) and writes the
 * engine's results ({@link GradescopeResults}, {@link AutolabResults}, {@link
 * PrairieLearnResults}).
 *
 * <p>The engine's fixed places can be moved with {@code LAB3_SOURCE} (the unpacked package), {@code
 * LAB3_SUBMISSION}, {@code LAB3_RESULTS} and {@code LAB3_METADATA}: the package then runs in its
 * layout anywhere. Exit status 0 when results were written (whatever the score); 1 when the bench
 * could not grade (Gradescope: no results.json, the autograder failed, the reason on stdout;
 * Autolab: the last line says so; PrairieLearn: {@code gradable: false} written, status 0).
 */
public final class EngineJob {
  private EngineJob() {}

  /** Where a job writes: stdout is the engine's (Autolab reads its last line), stderr its log. */
  public record Console(PrintStream out, PrintStream err) {}

  /**
   * Runs the bench's {@code grade} command (lab3-apps' {@code GradeCommand}) with these arguments,
   * its table to {@code out}, its diagnostics to {@code err}; returns its exit status.
   */
  @FunctionalInterface
  public interface Grader {
    int grade(String[] args, PrintStream out, PrintStream err) throws Exception;
  }

  /** Runs one job for {@code engine}, its places taken from {@code env} or the engine's. */
  public static int run(Engine engine, Map<String, String> env, Console io, Grader grader) {
    long start = System.nanoTime();
    Path source = Path.of(env.getOrDefault("LAB3_SOURCE", engine.source()));
    Path submission = Path.of(env.getOrDefault("LAB3_SUBMISSION", engine.submission()));
    String resultsDir = env.getOrDefault("LAB3_RESULTS", engine.results());
    String metadata = env.getOrDefault("LAB3_METADATA", engine.metadata());
    ContainerProbe where = new ContainerProbe("unknown", "The container was not probed.");
    GradedHandIn graded;
    Path work = null;
    try {
      EngineSettings settings = EngineSettings.read(source);
      if (engine == Engine.GRADESCOPE && metadata != null) {
        Path file = Path.of(metadata);
        Optional<String> refusal =
            SubmissionLimit.refusal(
                Files.isRegularFile(file) ? Files.readString(file) : null, settings);
        if (refusal.isPresent()) {
          io.out().println("lab3: beyond the staff's limit on submissions: not graded");
          write(Path.of(resultsDir), "results.json", refusal.get());
          return 0;
        }
      }
      where = ContainerProbe.probe();
      io.err().println("lab3: " + where.statement());
      work = Files.createTempDirectory("lab3-engine-");
      Optional<Path> folder;
      try {
        folder = HandInIntake.find(submission, work);
      } catch (HandInIntake.UnreadableHandIn e) {
        graded =
            GradedHandIn.nothingToGrade(
                submission.getFileName().toString(),
                where,
                "The zip submitted cannot be unpacked: " + e.getMessage() + ".");
        return emit(engine, graded, settings, resultsDir, (System.nanoTime() - start) / 1e9, io);
      }
      if (folder.isEmpty()) {
        graded =
            GradedHandIn.nothingToGrade(
                submission.getFileName().toString(),
                where,
                "No Lab 3 hand-in found in what was submitted: upload Lab3_A_B.zip as ./lab3"
                    + " submit makes it, the folder Lab3_A_B or its files (Part2_A_B.java, ...).");
      } else {
        Path policy = source.resolve(GraderPackage.POLICY);
        graded =
            grade(
                folder.get(),
                settings,
                Files.isRegularFile(policy) ? policy : null,
                where,
                work,
                io,
                grader);
      }
      return emit(engine, graded, settings, resultsDir, (System.nanoTime() - start) / 1e9, io);
    } catch (IOException | RuntimeException e) {
      graded =
          GradedHandIn.notGraded(
              submission.getFileName() == null ? "" : submission.getFileName().toString(),
              where,
              "the bench failed: " + oneLine(e));
      try {
        return emit(
            engine,
            graded,
            EngineSettings.builder().build(),
            resultsDir,
            (System.nanoTime() - start) / 1e9,
            io);
      } catch (IOException again) {
        io.err().println("lab3: cannot write the results: " + oneLine(again));
        return 1;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      io.err().println("lab3: interrupted");
      return 1;
    } finally {
      if (work != null) {
        delete(work);
      }
    }
  }

  /** Runs the bench on {@code folder} in this JVM; its table goes to stderr, the engine's log. */
  private static GradedHandIn grade(
      Path folder,
      EngineSettings settings,
      Path policy,
      ContainerProbe where,
      Path work,
      Console io,
      Grader grader)
      throws IOException {
    Path report = work.resolve("report.json");
    List<String> args = new ArrayList<>();
    args.add(folder.toString());
    args.addAll(List.of("--sandbox", "container", "--network", where.network()));
    args.addAll(List.of("--report", report.toString()));
    args.addAll(settings.benchOptions());
    if (policy != null) {
      args.addAll(List.of("--policy", policy.toString()));
    }
    io.err().println("lab3: grade " + String.join(" ", args));
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    PrintStream tableOut = new PrintStream(table, true, StandardCharsets.UTF_8);
    int status;
    try {
      status = grader.grade(args.toArray(String[]::new), tableOut, new PrintStream(io.err()));
    } catch (Exception e) {
      return GradedHandIn.notGraded(
          folder.getFileName().toString(), where, "the bench failed: " + oneLine(e));
    } finally {
      tableOut.flush();
      io.err().print(table.toString(StandardCharsets.UTF_8));
      io.err().flush();
    }
    if (!Files.isRegularFile(report)) {
      return GradedHandIn.notGraded(
          folder.getFileName().toString(),
          where,
          "the bench ended with status " + status + " and no report (see the log above)");
    }
    return GradedHandIn.fromReport(Files.readString(report), where);
  }

  /** Writes the engine's results; the exit status of the job. */
  private static int emit(
      Engine engine,
      GradedHandIn graded,
      EngineSettings settings,
      String resultsDir,
      double seconds,
      Console io)
      throws IOException {
    switch (engine) {
      case GRADESCOPE -> {
        if (!graded.graded()) {
          // No results.json: Gradescope shows a failed autograder, the staff re-run it.
          io.out().println(graded.summary());
          io.err().println("lab3: " + graded.harnessError());
          return 1;
        }
        write(
            Path.of(resultsDir),
            "results.json",
            GradescopeResults.json(graded, settings.hiddenParts(), seconds));
        io.out().println(graded.summary());
        return 0;
      }
      case AUTOLAB -> {
        io.out().print(AutolabResults.output(graded));
        io.out().flush();
        return graded.graded() ? 0 : 1;
      }
      case PRAIRIELEARN -> {
        write(Path.of(resultsDir), "results.json", PrairieLearnResults.json(graded));
        io.out().println(graded.summary());
        return 0;
      }
    }
    throw new AssertionError(engine);
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.createDirectories(dir);
    Path tmp = dir.resolve(name + ".part");
    Files.writeString(tmp, text);
    Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replace('\n', ' ');
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory left behind in a container that is thrown away after the job
    }
  }
}
