package lab3.multicast.internal;

import java.util.function.Consumer;

/**
 * A log for a failure that may repeat every interval (a send to an interface that is gone): the
 * first occurrence is passed on, the same line again only at the 10th, 100th, 1000th... time in a
 * row with its count, and the end of the streak (a success, or another failure) with the total. So
 * a failure that lasts an hour at one line a second costs a handful of lines, not 3,600.
 *
 * <p>Thread safe.
 */
public final class RepeatedLog {
  private final Consumer<String> log;
  private String streak;
  private long count;
  private long nextReport;

  public RepeatedLog(Consumer<String> log) {
    this.log = log;
  }

  /** One more failure, described by {@code line}. */
  public synchronized void failure(String line) {
    if (line.equals(streak)) {
      count++;
      if (count == nextReport) {
        log.accept(count + " times in a row: " + line); // the count first: a line may be cut
        nextReport *= 10;
      }
      return;
    }
    end();
    streak = line;
    count = 1;
    nextReport = 10;
    log.accept(line);
  }

  /** A success: ends the streak, if any, with its count. */
  public synchronized void success() {
    end();
  }

  private void end() {
    if (streak != null && count > 1) {
      log.accept("the last failure happened " + count + " times in a row: " + streak);
    }
    streak = null;
    count = 0;
  }
}
