package lab3.transport.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;

/** Conversions of {@link Duration} time-outs to the int milliseconds sockets take. */
public final class Timeouts {
  private Timeouts() {}

  /** Zero means "no time-out"; a positive duration below 1 ms rounds up to 1 ms. */
  public static int millis(Duration timeout) {
    checkArgument(timeout != null && !timeout.isNegative(), "time-out must be >= 0: %s", timeout);
    if (timeout.isZero()) {
      return 0;
    }
    return (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
  }

  /** Validates a time-out argument of a builder. */
  public static Duration check(String name, Duration timeout) {
    checkArgument(
        timeout != null && !timeout.isNegative(), "%s must be zero or positive: %s", name, timeout);
    return timeout;
  }

  /** For messages: "10 s", "0.5 s", "1.25 s" (to the millisecond). */
  public static String describe(Duration timeout) {
    return java.math.BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString()
        + " s";
  }
}
