package lab3.netlab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link LabNetwork}'s link does to the frames it carries, in each direction, and which
 * mechanism of this machine delivers each impairment. A delay of 5 ms is 5 ms each way (a round
 * trip of 10 ms); a loss of 0.02 drops 2% of the frames going each way, independently.
 */
public final class Impairments {
  /** One kind of impairment. */
  public enum Kind {
    DELAY,
    JITTER,
    LOSS,
    REORDER,
    DUPLICATE,
    RATE
  }

  /** What delivers an impairment. */
  public enum Mechanism {
    /** The kernel's netem queueing discipline on each host's link ({@code tc qdisc ... netem}). */
    NETEM("netem"),
    /** netlab's own frame relay in the wire namespace ({@link FrameRelay}). */
    RELAY("the relay in the wire namespace"),
    /** The kernel's token bucket filter on each host's link ({@code tc qdisc ... tbf}). */
    TBF("tbf");

    private final String description;

    Mechanism(String description) {
      this.description = description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  private final Duration delay;
  private final Duration jitter;
  private final double loss;
  private final double reorder;
  private final double duplicate;
  private final double rateMbit;
  private final long seed;
  private final Map<Kind, Mechanism> mechanisms;

  Impairments(
      Duration delay,
      Duration jitter,
      double loss,
      double reorder,
      double duplicate,
      double rateMbit,
      long seed,
      Map<Kind, Mechanism> mechanisms) {
    this.delay = delay;
    this.jitter = jitter;
    this.loss = loss;
    this.reorder = reorder;
    this.duplicate = duplicate;
    this.rateMbit = rateMbit;
    this.seed = seed;
    EnumMap<Kind, Mechanism> copy = new EnumMap<>(Kind.class);
    copy.putAll(mechanisms);
    this.mechanisms = Collections.unmodifiableMap(copy);
  }

  /** Same values, other mechanisms. */
  Impairments with(Map<Kind, Mechanism> newMechanisms) {
    return new Impairments(delay, jitter, loss, reorder, duplicate, rateMbit, seed, newMechanisms);
  }

  /** The one-way delay added to every frame. */
  public Duration delay() {
    return delay;
  }

  /** Each frame's delay varies uniformly within delay ± jitter (never below zero). */
  public Duration jitter() {
    return jitter;
  }

  /** The probability that a frame is dropped, each way. */
  public double loss() {
    return loss;
  }

  /** The probability that a frame is held back so that later frames overtake it. */
  public double reorder() {
    return reorder;
  }

  /** The probability that a frame is delivered twice. */
  public double duplicate() {
    return duplicate;
  }

  /** The link's rate in Mbit/s each way, or 0 for no limit. */
  public double rateMbit() {
    return rateMbit;
  }

  /** The seed of the relay's random decisions (loss, reordering, duplication, jitter). */
  public long seed() {
    return seed;
  }

  /** The impairments asked for (the kinds with a non-zero value). */
  public List<Kind> requested() {
    List<Kind> kinds = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      if (value(kind) != 0) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  /** True when the link is a plain link (nothing asked for). */
  public boolean none() {
    return requested().isEmpty();
  }

  /** For each kind asked for, what delivers it. */
  public Map<Kind, Mechanism> mechanisms() {
    return mechanisms;
  }

  private double value(Kind kind) {
    return switch (kind) {
      case DELAY -> delay.toNanos();
      case JITTER -> jitter.toNanos();
      case LOSS -> loss;
      case REORDER -> reorder;
      case DUPLICATE -> duplicate;
      case RATE -> rateMbit;
    };
  }

  /** E.g. {@code "delay 5 ms (relay), loss 2% (relay)"}, or {@code "none"}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Kind kind : requested()) {
      String text =
          switch (kind) {
            case DELAY -> "delay " + millis(delay) + " ms";
            case JITTER -> "jitter " + millis(jitter) + " ms";
            case LOSS -> "loss " + percent(loss);
            case REORDER -> "reorder " + percent(reorder);
            case DUPLICATE -> "duplicate " + percent(duplicate);
            case RATE -> "rate " + format(rateMbit) + " Mbit/s";
          };
      Mechanism mechanism = mechanisms.get(kind);
      parts.add(mechanism == null ? text : text + " (" + mechanism + ")");
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts) + ", each way";
  }

  private static String millis(Duration duration) {
    return format(duration.toNanos() / 1e6);
  }

  private static String percent(double p) {
    return format(p * 100) + "%";
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
