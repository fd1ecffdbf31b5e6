package lab3.netlab;

import lab3.reset.ResetServer;
import lab3.transport.Family;

/**
 * What {@code serve-reset --family} and {@code serve --reset-family} choose ({@code
 * v4|v6|both|alternate}): the families the reset PMU answers on and whether it alternates between
 * them, as {@link ResetServer.Builder#family} and {@link ResetServer.Builder#alternate} take them.
 *
 * @param family {@link Family#IPV4}, {@link Family#IPV6} or {@link Family#ANY} (both)
 * @param alternate true to serve one family at a time (then {@code family} is {@link Family#ANY})
 */
public record ResetFamily(Family family, boolean alternate) {
  /** {@code v4}: IPv4 only. */
  public static final ResetFamily V4 = new ResetFamily(Family.IPV4, false);

  /** {@code v6}: IPv6 only. */
  public static final ResetFamily V6 = new ResetFamily(Family.IPV6, false);

  /** {@code both}: IPv4 and IPv6, on the same port. */
  public static final ResetFamily BOTH = new ResetFamily(Family.ANY, false);

  /** {@code alternate}: one family at a time, switching every period. */
  public static final ResetFamily ALTERNATE = new ResetFamily(Family.ANY, true);

  /**
   * Sets both on {@code builder}.
   *
   * @param builder a reset server's builder
   * @return {@code builder}
   */
  public ResetServer.Builder applyTo(ResetServer.Builder builder) {
    return builder.family(family).alternate(alternate);
  }
}
