package lab3.reset;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** The client reached its limit of rounds or of time without a valid ack. */
public final class ResetTimeoutException extends SocketTimeoutException {
  private final int rounds;
  private final Duration elapsed;

  public ResetTimeoutException(int rounds, Duration elapsed) {
    super(
        String.format(
            "no acknowledgement after %d round%s (%.1f s)",
            rounds, rounds == 1 ? "" : "s", elapsed.toMillis() / 1000.0));
    this.rounds = rounds;
    this.elapsed = elapsed;
  }

  /** Rounds sent, each unanswered. */
  public int rounds() {
    return rounds;
  }

  /** From the first send to giving up. */
  public Duration elapsed() {
    return elapsed;
  }
}
