package lab3.reset;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import lab3.transport.Family;

/**
 * The lab's Q15 over many resets: packets per ack, and the loss probability they imply.
 *
 * <p>The model: each round is answered independently with probability q = 1 - p, so the rounds a
 * run needs follow a geometric distribution, P(K = k) = (1 - q)^(k-1) q, with mean 1/q. With R acks
 * over S rounds in all, the likelihood is q^R (1 - q)^(S - R), whose maximum is at q = R/S: the
 * maximum-likelihood estimate of the loss is p = 1 - R/S. (Runs that gave up add their rounds to S
 * and nothing to R, which is exactly right for this likelihood.) The same R successes in S
 * Bernoulli trials give a Wilson score interval for q, hence for p.
 *
 * <p>Not thread safe: feed it from one thread.
 */
public final class LossStatistics {

  /** z for a two-sided 95% interval. */
  public static final double Z_95 = 1.959964;

  /** z for a two-sided 99% interval. */
  public static final double Z_99 = 2.575829;

  /** Statistics of no run yet. */
  public LossStatistics() {}

  /**
   * A confidence interval.
   *
   * @param low its lower end
   * @param high its upper end
   */
  public record Interval(double low, double high) {
    /**
     * True if {@code value} lies in the interval, ends included.
     *
     * @param value a loss rate, 0 to 1
     * @return whether {@code value} lies in the interval, ends included
     */
    public boolean contains(double value) {
      return value >= low && value <= high;
    }
  }

  private final SortedMap<Integer, Integer> histogram = new TreeMap<>();
  private final Map<Family, Integer> byFamily = new EnumMap<>(Family.class);
  private int acks;
  private int gaveUp;
  private long ackedRounds;
  private long rounds;
  private Duration timeToAck = Duration.ZERO;

  /**
   * Counts one run that got an ack.
   *
   * @param result one successful reset
   */
  public void add(ResetResult result) {
    checkNotNull(result, "result");
    acks++;
    ackedRounds += result.rounds();
    rounds += result.rounds();
    histogram.merge(result.rounds(), 1, Integer::sum);
    byFamily.merge(result.family(), 1, Integer::sum);
    timeToAck = timeToAck.plus(result.timeToAck());
  }

  /**
   * Counts one run that gave up after {@code rounds} unanswered rounds.
   *
   * @param rounds how many rounds the client sent before it gave up
   */
  public void addGaveUp(int rounds) {
    checkArgument(rounds >= 0, "rounds must be >= 0, got %s", rounds);
    gaveUp++;
    this.rounds += rounds;
  }

  /**
   * R: runs that got an ack.
   *
   * @return R, runs that got an ack
   */
  public int acks() {
    return acks;
  }

  /**
   * Runs that gave up.
   *
   * @return runs that gave up
   */
  public int gaveUp() {
    return gaveUp;
  }

  /**
   * S: rounds sent in all runs, acked or not.
   *
   * @return S, rounds sent in all runs, acked or not
   */
  public long rounds() {
    return rounds;
  }

  /**
   * The mean number of packets (rounds) a run needed to get its ack, or NaN with no ack.
   *
   * @return the mean number of packets (rounds) a run needed to get its ack, or NaN with no ack
   */
  public double meanPacketsPerAck() {
    return acks == 0 ? Double.NaN : (double) ackedRounds / acks;
  }

  /**
   * Runs that needed exactly k rounds, by k, ascending.
   *
   * @return runs that needed exactly k rounds, by k, ascending
   */
  public SortedMap<Integer, Integer> histogram() {
    return new TreeMap<>(histogram);
  }

  /**
   * q = R/S: the estimated probability that a round is answered, or NaN with no round.
   *
   * @return q = R/S: the estimated probability that a round is answered, or NaN with no round
   */
  public double successEstimate() {
    return rounds == 0 ? Double.NaN : (double) acks / rounds;
  }

  /**
   * p = 1 - R/S: the maximum-likelihood estimate of the loss probability.
   *
   * @return p = 1 - R/S: the maximum-likelihood estimate of the loss probability
   */
  public double lossEstimate() {
    return 1 - successEstimate();
  }

  /**
   * The Wilson score interval for p at normal quantile {@code z} ({@link #Z_95}, {@link #Z_99}):
   * the interval for q over S Bernoulli trials with R successes, turned around.
   *
   * @param z the normal quantile of the confidence level (1.96 for 95 %)
   * @return the Wilson score interval for p at normal quantile {@code z} ({@link #Z_95}, {@link
   *     #Z_99}): the interval for q over S Bernoulli trials with R successes, turned around
   */
  public Interval lossInterval(double z) {
    checkArgument(z > 0, "z must be positive, got %s", z);
    checkArgument(rounds > 0, "no rounds yet");
    double s = rounds;
    double q = successEstimate();
    double z2 = z * z;
    double denominator = 1 + z2 / s;
    double center = (q + z2 / (2 * s)) / denominator;
    double half = z / denominator * Math.sqrt(q * (1 - q) / s + z2 / (4 * s * s));
    double qLow = Math.max(0, center - half);
    double qHigh = Math.min(1, center + half);
    return new Interval(1 - qHigh, 1 - qLow);
  }

  /**
   * P(K = k) under the geometric law the estimated q predicts.
   *
   * @param k a number of rounds, at least 1
   * @return P(K = k) under the geometric law the estimated q predicts
   */
  public double geometric(int k) {
    checkArgument(k >= 1, "k must be >= 1, got %s", k);
    double q = successEstimate();
    return Math.pow(1 - q, k - 1) * q;
  }

  /**
   * Acks that came over {@code family}.
   *
   * @param family {@link Family#IPV4} or {@link Family#IPV6}
   * @return acks that came over {@code family}
   */
  public int acksOver(Family family) {
    return byFamily.getOrDefault(family, 0);
  }

  /**
   * The mean time from the first send to the ack, over runs that got one.
   *
   * @return the mean time from the first send to the ack, over runs that got one
   */
  public Duration meanTimeToAck() {
    return acks == 0 ? Duration.ZERO : timeToAck.dividedBy(acks);
  }
}
