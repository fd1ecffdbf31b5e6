package lab3.apps.grade;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The grading bench: copies a submission to a temporary folder, runs every check against emulators
 * on loopback, each under a time limit, and collects the results. A check that crashes, hangs or
 * prints the wrong thing fails alone; whatever it started is stopped before the next.
 */
final class Bench implements Closeable {
  private final Submission original;
  private final Submission copy;
  private final Path workDir;
  private final Duration limit;
  private final PrintStream progress;
  private final List<Closeable> cleanup = new ArrayList<>();

  Bench(Submission submission, Duration limit, String python, PrintStream progress)
      throws IOException {
    this.original = submission;
    this.limit = limit;
    this.progress = progress;
    this.workDir = Files.createTempDirectory("lab3-grade-");
    Path target = workDir.resolve(submission.dir().getFileName());
    copyTree(submission.dir(), target);
    this.copy = Submission.open(target, python);
  }

  Submission submission() {
    return copy;
  }

  String camipro1() {
    return original.camipro1();
  }

  Duration limit() {
    return limit;
  }

  /** Registers something a check started, to be closed after the check. */
  <T extends Closeable> T track(T resource) {
    cleanup.add(resource);
    return resource;
  }

  /** Runs a part's program to its end with the graders' arguments. */
  ProcessRunner.Result run(String part, byte[] stdin, String... args) throws Exception {
    List<String> command = program(part);
    command.addAll(List.of(args));
    return ProcessRunner.run(command, copy.dir(), stdin, limit);
  }

  /** Starts a part's program and leaves it running (servers, receivers). */
  ProcessRunner.Running start(String part, String... args) throws Exception {
    List<String> command = program(part);
    command.addAll(List.of(args));
    return track(ProcessRunner.start(command, copy.dir()));
  }

  private List<String> program(String part) throws IOException {
    Optional<List<String>> program = copy.program(part);
    if (program.isEmpty()) {
      throw new MissingPartException(part);
    }
    return program.get();
  }

  /** Runs every check and returns their results in order. */
  List<CheckResult> grade(List<Check> checks) {
    List<CheckResult> results = new ArrayList<>();
    for (Check check : checks) {
      long start = System.nanoTime();
      progress.print("  " + check.part() + ": " + check.name() + " ... ");
      String reason;
      try {
        reason = check.run(this);
      } catch (MissingPartException e) {
        reason = e.getMessage();
      } catch (Exception e) {
        reason = "the check could not run: " + lab3.apps.cli.Failures.describe(e);
      } finally {
        closeTracked();
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      progress.println(reason == null ? "ok" : "FAILED");
      results.add(
          reason == null
              ? CheckResult.pass(check.part(), check.name(), elapsed)
              : CheckResult.fail(check.part(), check.name(), reason, elapsed));
    }
    return results;
  }

  private void closeTracked() {
    for (Closeable c : cleanup.reversed()) {
      try {
        c.close();
      } catch (IOException | RuntimeException ignored) {
        // best effort: the next check must start clean
      }
    }
    cleanup.clear();
  }

  @Override
  public void close() throws IOException {
    closeTracked();
    try (Stream<Path> files = Files.walk(workDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path dest = to.resolve(from.relativize(source).toString());
        if (Files.isSymbolicLink(source)) {
          continue; // links are not part of a hand-in
        }
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** The submission has no program for a part. */
  static final class MissingPartException extends IOException {
    MissingPartException(String part) {
      super("no " + part + " program in the submission");
    }
  }
}
