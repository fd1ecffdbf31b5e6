package lab3.apps.grade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a submitted program as a child process with a time limit, capturing what it prints. A
 * program that outlives its limit is killed with all its descendants: the bench never hangs and
 * never leaves processes behind.
 */
final class ProcessRunner {
  private static final int MAX_CAPTURE = 64 * 1024 * 1024;

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
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread outPump;
    private final Thread errPump;
    private final long start = System.nanoTime();

    Running(Process process) {
      this.process = process;
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
      synchronized (out) {
        return out.toString(StandardCharsets.UTF_8);
      }
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

    private Result finish(boolean timedOut) throws InterruptedException {
      process.waitFor(5, TimeUnit.SECONDS);
      outPump.join(5000);
      errPump.join(5000);
      byte[] stdout;
      synchronized (out) {
        stdout = out.toByteArray();
      }
      String stderr;
      synchronized (err) {
        stderr = err.toString(StandardCharsets.UTF_8);
      }
      return new Result(
          process.isAlive() ? -1 : process.exitValue(),
          stdout,
          stderr,
          timedOut,
          Duration.ofNanos(System.nanoTime() - start));
    }

    private void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }

    @Override
    public void close() {
      kill();
    }
  }

  /** Starts {@code command} in {@code dir}; stdin is closed unless the caller writes to it. */
  static Running start(List<String> command, Path dir) throws IOException {
    return start(new ProcessBuilder(command), dir);
  }

  /**
   * Starts {@code builder}'s command (on a lab network: {@code ip netns exec pc ...}, which execs
   * the program itself, so killing it kills the program) in {@code dir}.
   */
  static Running start(ProcessBuilder builder, Path dir) throws IOException {
    builder.directory(dir.toFile());
    builder.environment().put("PYTHONUNBUFFERED", "1");
    return new Running(builder.start());
  }

  /** Runs {@code command} to its end or to {@code limit}, with {@code stdin} as input. */
  static Result run(List<String> command, Path dir, byte[] stdin, Duration limit)
      throws IOException, InterruptedException {
    return run(new ProcessBuilder(command), dir, stdin, limit);
  }

  /** Runs {@code builder}'s command to its end or to {@code limit}, with {@code stdin} as input. */
  static Result run(ProcessBuilder builder, Path dir, byte[] stdin, Duration limit)
      throws IOException, InterruptedException {
    try (Running running = start(builder, dir)) {
      try (OutputStream in = running.stdin()) {
        in.write(stdin);
      } catch (IOException ignored) {
        // the program does not read its input
      }
      return running.await(limit);
    }
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
    return Thread.ofVirtual()
        .start(
            () -> {
              byte[] buf = new byte[8192];
              try (in) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                  synchronized (sink) {
                    if (sink.size() < MAX_CAPTURE) {
                      sink.write(buf, 0, n);
                    }
                  }
                }
              } catch (IOException ignored) {
                // the process is gone
              }
            });
  }
}
