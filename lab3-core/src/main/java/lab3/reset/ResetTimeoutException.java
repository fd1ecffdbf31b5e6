package lab3.reset;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The client reached its limit of rounds or of time without a valid ack.
 *
 * <p>A {@link SocketTimeoutException}: a caller that retries on time-outs retries on this; its
 * message says how many rounds went out.
 */
public final class ResetTimeoutException extends SocketTimeoutException {
  /** Rounds sent before giving up. */
  private final int rounds;

  /** Time spent before giving up. */
  private final Duration elapsed;

  /**
   * No ack after {@code rounds} rounds and {@code elapsed}.
   *
   * @param rounds how many rounds were sent
   * @param elapsed how long the client tried
   */
  public ResetTimeoutException(int rounds, Duration elapsed) {
    super(
        String.format(
            "no acknowledgement after %d round%s (%.1f s)",
            rounds, rounds == 1 ? "" : "s", elapsed.toMillis() / 1000.0));
    this.rounds = rounds;
    this.elapsed = elapsed;
  }

  /**
   * Rounds sent, each unanswered.
   *
   * @return rounds sent, each unanswered
   */
  public int rounds() {
    return rounds;
  }

  /**
   * From the first send to giving up.
   *
   * @return the duration
   */
  public Duration elapsed() {
    return elapsed;
  }
}
