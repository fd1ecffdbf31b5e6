package lab3.tests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * What this JVM holds right now, read from the operating system: open file descriptors (sockets
 * included) from {@code /proc/self/fd}, live threads, the descriptor limit. Load tests compare them
 * before and after, waiting with a deadline for them to come back, never sleeping a fixed time.
 */
final class ProcessResources {
  private ProcessResources() {}

  /** How long sessions, descriptors and threads may take to come back after a load. */
  static final Duration RESTORE = Duration.ofSeconds(30);

  /** Descriptors and threads the JVM may open by itself meanwhile (class loading, pollers). */
  static final int SLACK = 8;

  /** True where {@code /proc/self/fd} exists (Linux). */
  static boolean available() {
    return Files.isDirectory(Path.of("/proc/self/fd"));
  }

  /** Skips the test, saying why, where descriptors cannot be counted. */
  static void assumeAvailable() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        available(), "needs /proc/self/fd (Linux) to count open descriptors");
  }

  /** Open file descriptors of this process. */
  static int openFileDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return (int) fds.count() - 1; // the listing's own descriptor
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Live platform threads of this JVM (virtual threads are counted by the servers' sessions). */
  static int liveThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** The soft limit on open files ({@code ulimit -n}), or -1 if unknown. */
  static long openFileLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
          return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
        }
      }
    } catch (IOException | RuntimeException e) {
      // unknown
    }
    return -1;
  }

  /**
   * Polls {@code value} until it is at most {@code target} or {@code patience} has passed, and
   * returns the last value seen (so a failing assertion can print it).
   */
  static int awaitAtMost(IntSupplier value, int target, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    int v = value.getAsInt();
    long pause = 1;
    while (v > target && System.nanoTime() < deadline) {
      Thread.sleep(pause); // polling a value that has no signal to wait on
      pause = Math.min(pause * 2, 50);
      v = value.getAsInt();
    }
    return v;
  }

  /** Polls {@code value} until it is at least {@code target} or {@code patience} has passed. */
  static int awaitAtLeast(IntSupplier value, int target, Duration patience)
      throws InterruptedException {
    return -awaitAtMost(() -> -value.getAsInt(), -target, patience);
  }

  /** Descriptors and threads at one moment. */
  record Usage(int fds, int threads) {
    static Usage now() {
      return new Usage(openFileDescriptors(), liveThreads());
    }

    /**
     * Waits (up to {@link #RESTORE}) for {@code sessions} to reach 0 and descriptors and threads to
     * come back to this baseline (within {@link #SLACK}: the JVM's own), asserts it, and returns
     * the figures as "descriptors B before, P peak, A after; threads ...".
     */
    String assertRestored(IntSupplier sessions, Usage peak) throws InterruptedException {
      int slack = SLACK;
      Duration patience = RESTORE;
      org.junit.jupiter.api.Assertions.assertEquals(
          0, awaitAtMost(sessions, 0, patience), "sessions still open");
      Usage after =
          new Usage(
              awaitAtMost(ProcessResources::openFileDescriptors, fds + slack, patience),
              awaitAtMost(ProcessResources::liveThreads, threads + slack, patience));
      String figures =
          String.format(
              "descriptors %d before, %d peak, %d after; threads %d before, %d peak, %d after",
              fds, peak.fds, after.fds, threads, peak.threads, after.threads);
      org.junit.jupiter.api.Assertions.assertTrue(
          after.fds <= fds + slack && after.threads <= threads + slack, figures);
      return figures;
    }
  }
}
