package lab3.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a submitted program as a child process with a time limit, capturing what it prints. A
 * program that outlives its limit is killed with all its descendants: the bench never hangs and
 * never leaves processes behind. What it prints is kept up to a cap (see {@link Limits#output()});
 * the rest is read, counted and dropped, so that a program printing without end neither fills the
 * bench's memory nor blocks on a full pipe.
 */
final class ProcessRunner {
  private static final long MAX_CAPTURE = Limits.DEFAULT.output();

  private ProcessRunner() {}

  /** What a finished (or killed) program did. */
  record Result(int exit, byte[] stdout, String stderr, boolean timedOut, Duration elapsed) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  /** A program left running (a server, a receiver) until {@link #stop}. */
  static final class Running implements java.io.Closeable {
    private final Process process;
    private final Sink out;
    private final Sink err;
    private final Thread outPump;
    private final Thread errPump;
    private final ProgramCgroup cgroup;
    private final Limits limits;
    private final long start = System.nanoTime();
    private volatile Integer exit;

    Running(Process process, long cap, ProgramCgroup cgroup, Limits limits) {
      this.process = process;
      this.out = new Sink(cap);
      this.err = new Sink(cap);
      this.cgroup = cgroup;
      this.limits = limits;
      this.outPump = pump(process.getInputStream(), out);
      this.errPump = pump(process.getErrorStream(), err);
    }

    OutputStream stdin() {
      return process.getOutputStream();
    }

    boolean isAlive() {
      return process.isAlive();
    }

    /**
     * The process, to look at (its listening sockets, in {@code /proc/PID/net}), never to signal:
     * the bench stops it with {@link #stop}.
     */
    ProcessHandle handle() {
      return process.toHandle();
    }

    /** What it printed so far. */
    String stdoutSoFar() {
      return out.text();
    }

    /** Waits up to {@code limit} for it to end by itself, then kills it. */
    Result await(Duration limit) throws InterruptedException {
      boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!ended) {
        kill();
      }
      return finish(!ended);
    }

    /** Kills it now and returns what it did. */
    Result stop() throws InterruptedException {
      kill();
      return finish(false);
    }

    /**
     * The limit it went beyond, in words for its feedback ("used more than 512 MiB of memory"), or
     * empty; known once it has ended.
     */
    Optional<String> limitExceeded() {
      Optional<String> cgroupSays = cgroup == null ? Optional.empty() : cgroup.exceeded();
      if (cgroupSays.isPresent()) {
        return cgroupSays;
      }
      if (out.dropped() > 0 || err.dropped() > 0) {
        return Optional.of(
            "printed more than "
                + Limits.describe(out.cap)
                + " on "
                + (out.dropped() > 0 ? "stdout" : "stderr")
                + " (the rest was dropped)");
      }
      Integer status = exit;
      if (limits != null && status != null && status == 128 + 24) {
        return Optional.of(
            "used more than " + limits.cpuTime().toSeconds() + " s of CPU time (SIGXCPU)");
      }
      if (limits != null && status != null && status == 128 + 25) {
        return Optional.of(
            "wrote a file larger than " + Limits.describe(limits.fileSize()) + " (SIGXFSZ)");
      }
      return Optional.empty();
    }

    private Result finish(boolean timedOut) throws InterruptedException {
      process.waitFor(5, TimeUnit.SECONDS);
      outPump.join(5000);
      errPump.join(5000);
      exit = process.isAlive() ? -1 : process.exitValue();
      Result result = new Result(exit, out.bytes(), err.text(), timedOut, elapsed());
      closeCgroup();
      return result;
    }

    private Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - start);
    }

    private void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }

    private void closeCgroup() {
      if (cgroup != null) {
        cgroup.close();
      }
    }

    @Override
    public void close() {
      kill();
      closeCgroup();
    }
  }

  /** Starts {@code builder}'s command in {@code dir}, uncontained (the bench's own tools). */
  static Running start(ProcessBuilder builder, Path dir) throws IOException {
    builder.directory(dir.toFile());
    builder.environment().put("PYTHONUNBUFFERED", "1");
    return new Running(builder.start(), MAX_CAPTURE, null, null);
  }

  /**
   * Starts a program made ready by {@link Sandbox#prepare}: stdin is closed unless the caller
   * writes to it; its output is kept up to the sandbox's {@link Limits#output()}. If it cannot be
   * started, its cgroup is removed.
   */
  static Running start(Sandbox.Prepared prepared, Limits limits) throws IOException {
    try {
      return new Running(prepared.builder().start(), limits.output(), prepared.cgroup(), limits);
    } catch (IOException | RuntimeException e) {
      if (prepared.cgroup() != null) {
        prepared.cgroup().close();
      }
      throw e;
    }
  }

  /** Runs {@code command} to its end or to {@code limit}, uncontained, with {@code stdin}. */
  static Result run(List<String> command, Path dir, byte[] stdin, Duration limit)
      throws IOException, InterruptedException {
    try (Running running = start(new ProcessBuilder(command), dir)) {
      return feedAndAwait(running, stdin, limit);
    }
  }

  /** Writes {@code stdin} to a started program, closes it, and waits up to {@code limit}. */
  static Result feedAndAwait(Running running, byte[] stdin, Duration limit)
      throws InterruptedException {
    try (OutputStream in = running.stdin()) {
      in.write(stdin);
    } catch (IOException ignored) {
      // the program does not read its input
    }
    return running.await(limit);
  }

  /** Output kept up to a cap; beyond it, only counted. */
  private static final class Sink {
    private final long cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    Sink(long cap) {
      this.cap = cap;
    }

    synchronized void add(byte[] buf, int n) {
      int room = (int) Math.max(0, Math.min(n, cap - kept.size()));
      kept.write(buf, 0, room);
      dropped += n - room;
    }

    synchronized long dropped() {
      return dropped;
    }

    synchronized byte[] bytes() {
      return kept.toByteArray();
    }

    synchronized String text() {
      return kept.toString(StandardCharsets.UTF_8);
    }
  }

  private static Thread pump(InputStream in, Sink sink) {
    return Thread.ofVirtual()
        .start(
            () -> {
              byte[] buf = new byte[65536];
              try (in) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                  sink.add(buf, n);
                }
              } catch (IOException ignored) {
                // the process is gone
              }
            });
  }
}
