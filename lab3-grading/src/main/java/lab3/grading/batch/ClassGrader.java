package lab3.grading.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place where hand-ins are graded in parallel: {@code jobs} at a time, each by the {@link
 * HandInRunner}. With {@code resume}, a hand-in graded before with the same content (its hash, kept
 * in {@code state/}) is not graded again; one not graded before is.
 */
public final class ClassGrader {
  private final HandInRunner runner;
  private final int jobs;
  private final Path state;
  private final boolean resume;
  private final PrintStream progress;
  private final boolean terminal;

  /**
   * @param terminal true if {@code progress} is a terminal: the bar is then redrawn in place (and
   *     each hand-in's result printed above it), else one line per change
   */
  public ClassGrader(
      HandInRunner runner,
      int jobs,
      Path state,
      boolean resume,
      PrintStream progress,
      boolean terminal) {
    this.runner = runner;
    this.jobs = jobs;
    this.state = state;
    this.resume = resume;
    this.progress = progress;
    this.terminal = terminal;
  }

  /** True if this process's stderr is a terminal (Linux: what file descriptor 2 is). */
  public static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /**
   * The default {@code --checks-at-once} of each hand-in's bench: with {@link #defaultJobs()}
   * benches, at most 6 programs per core run at once; a hanging hand-in needs a time limit per
   * round of 2 checks, not per check.
   */
  public static final int CHECKS_AT_ONCE = 2;

  /**
   * The default {@code --jobs}: grading mostly waits (delays of one message a second, one-second
   * retransmission time-outs, multicast intervals), so 3 benches per core keep the cores busy; more
   * would make the JVMs of Java hand-ins start so slowly that a correct program could meet its time
   * limit (measured with 4 per core on 2 busy cores: Java hand-ins lost checks they pass alone).
   * Each bench with its hand-in's programs needs up to about 400 MiB, so free memory bounds it too.
   */
  public static int defaultJobs() {
    int cores = Runtime.getRuntime().availableProcessors();
    long freeMiB = freeMemoryMiB();
    long byMemory = freeMiB <= 0 ? 4 : Math.max(1, (freeMiB - 1024) / 400);
    return (int) Math.max(1, Math.min(3L * cores, byMemory));
  }

  private static long freeMemoryMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemAvailable:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: bound by cores only
    }
    return -1;
  }

  /** Grades every hand-in and returns the results by hand-in, in the intake's order. */
  public Map<MoodleDownload.HandIn, Graded> gradeAll(List<MoodleDownload.HandIn> handIns)
      throws IOException, InterruptedException {
    Files.createDirectories(state);
    Map<MoodleDownload.HandIn, Graded> results = new LinkedHashMap<>();
    Map<MoodleDownload.HandIn, Future<Graded>> running = new LinkedHashMap<>();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger busy = new AtomicInteger();
    int total = handIns.size();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs))) {
      for (MoodleDownload.HandIn h : handIns) {
        Graded before = resume ? earlier(h) : null;
        if (before != null) {
          results.put(h, before);
          done.incrementAndGet();
          continue;
        }
        running.put(
            h,
            pool.submit(
                () -> {
                  started(done.get(), busy.incrementAndGet(), total, start);
                  Graded g;
                  try {
                    g = runner.grade(h);
                  } finally {
                    busy.decrementAndGet();
                  }
                  if (g.graded()) {
                    Files.writeString(state.resolve(h.hash() + ".json"), g.report());
                  }
                  int d = done.incrementAndGet();
                  report(h, g, d, busy.get(), total, start);
                  return g;
                }));
      }
      if (done.get() > 0) {
        progress.println(
            "resume: "
                + done.get()
                + " of "
                + total
                + " hand-ins unchanged since they were graded");
      }
      for (var e : running.entrySet()) {
        try {
          results.put(e.getKey(), e.getValue().get());
        } catch (java.util.concurrent.ExecutionException x) {
          results.put(
              e.getKey(),
              Graded.notGraded("harness error: " + lab3.report.Failures.describe(x.getCause()), 0));
        }
      }
    }
    Map<MoodleDownload.HandIn, Graded> ordered = new LinkedHashMap<>();
    handIns.forEach(h -> ordered.put(h, results.get(h)));
    return ordered;
  }

  private Graded earlier(MoodleDownload.HandIn h) {
    Path file = state.resolve(h.hash() + ".json");
    try {
      return Files.isRegularFile(file) ? Graded.ofReport(Files.readString(file), 0) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** On a terminal, the bar again with one more running; elsewhere nothing (no line per start). */
  private synchronized void started(int done, int running, int total, long start) {
    if (terminal) {
      progress.print("\r\033[K" + status(done, running, total, start));
      progress.flush();
    }
  }

  /**
   * A finished hand-in: on a terminal, its result above the bar, redrawn in place; elsewhere one
   * line with both.
   */
  private synchronized void report(
      MoodleDownload.HandIn h, Graded g, int done, int running, int total, long start) {
    String result =
        h.key() + " " + (g.graded() ? g.score() + "/" + g.max() : "NOT GRADED (" + g.why() + ")");
    if (terminal) {
      progress.print("\r\033[K" + result + "\n" + status(done, running, total, start));
      if (done == total) {
        progress.println();
      }
    } else {
      progress.println(status(done, running, total, start) + ": " + result);
    }
    progress.flush();
  }

  /** The bar: done / running / left, and the time left at this pace. */
  private static String status(int done, int running, int total, long start) {
    double elapsed = (System.nanoTime() - start) / 1e9;
    int left = total - done;
    String eta = left == 0 ? "0 s" : done == 0 ? "?" : formatSeconds(elapsed / done * left);
    return String.format(
        "[%s] %d/%d done, %d running, %d left, about %s left",
        bar(done, total), done, total, running, left - running, eta);
  }

  private static String bar(int done, int total) {
    int width = 20;
    int filled = total == 0 ? width : done * width / total;
    return "#".repeat(filled) + ".".repeat(width - filled);
  }

  static String formatSeconds(double s) {
    long t = Math.round(s);
    return t >= 60 ? (t / 60) + " min " + (t % 60) + " s" : t + " s";
  }
}
