package lab3.tests;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An output stream that collects what is written to it as lines, so that a test can wait for a line
 * to appear (a command's "joined", a child process's "ready") instead of sleeping.
 */
final class Lines extends OutputStream {
  private final java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
  private final List<String> lines = new ArrayList<>();

  PrintStream printStream() {
    return new PrintStream(this, true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      lines.add(current.toString(StandardCharsets.UTF_8));
      current.reset();
      notifyAll();
    } else {
      current.write(b);
    }
  }

  /** The complete lines so far. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Waits for a line that matches, and returns it; fails after {@code patience}. */
  synchronized String await(Predicate<String> wanted, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      for (String line : lines) {
        if (wanted.test(line)) {
          return line;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no such line within " + patience + "; got " + lines);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }
}
