package lab3.reset;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.time.Duration;
import java.time.Instant;

/**
 * What one reset gave: the answer the lab's Q14 and Q15 ask about.
 *
 * <p>The pitfall: {@code rounds} counts a round once although it went out on both families, as the
 * lab counts packets.
 *
 * @param offset X of the accepted {@code OFFSET=X}
 * @param family the family the ack came over: {@code INET} (IPv4) or {@code INET6} (IPv6)
 * @param server the address and port that answered
 * @param rounds rounds sent, counting the one answered; one round is one packet, as the lab counts
 *     it, even though it went out on both families
 * @param timeToAck from the first send to the ack
 * @param roundTrip from the last send to the ack: the round trip of the answered round (an ack to
 *     an earlier round that arrives late makes this an underestimate)
 * @param ackedAt when the ack arrived, wall-clock time
 */
public record ResetResult(
    int offset,
    StandardProtocolFamily family,
    InetSocketAddress server,
    int rounds,
    Duration timeToAck,
    Duration roundTrip,
    Instant ackedAt) {

  /**
   * "IPv4" or "IPv6".
   *
   * @return "IPv4" or "IPv6"
   */
  public String familyName() {
    return familyName(family);
  }

  /**
   * "IPv4" for {@code INET}, "IPv6" for {@code INET6}.
   *
   * @param family the family
   * @return "IPv4" for {@code INET}, "IPv6" for {@code INET6}
   */
  public static String familyName(StandardProtocolFamily family) {
    return family == StandardProtocolFamily.INET ? "IPv4" : "IPv6";
  }
}
