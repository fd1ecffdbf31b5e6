package lab3.reset;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import lab3.transport.Family;

/**
 * What one reset gave: the answer the lab's Q14 and Q15 ask about.
 *
 * <p>The pitfall: {@code rounds} counts a round once although it went out on both families, as the
 * lab counts packets.
 *
 * @param offset X of the accepted {@code OFFSET=X}
 * @param family the family the ack came over: {@link Family#IPV4} or {@link Family#IPV6}
 * @param server the address and port that answered
 * @param rounds rounds sent until the ack came; one round is one packet, as the lab counts it, even
 *     though it went out on both families
 * @param answeredRound the round the ack answered, 1 to {@code rounds}: each round is sent from
 *     ports of its own, and the server answers to the port a request came from. Below {@code
 *     rounds} when the network is slower than the time-out: the ack to an earlier round arrived
 *     after later rounds had gone out, and the server may have applied a later round's RESET after
 *     this one (so the offset in force may not be this one)
 * @param timeToAck from the first send to the ack
 * @param roundTrip from the send of the answered round to the ack: its real round trip
 * @param ackedAt when the ack arrived, wall-clock time
 */
public record ResetResult(
    int offset,
    Family family,
    InetSocketAddress server,
    int rounds,
    int answeredRound,
    Duration timeToAck,
    Duration roundTrip,
    Instant ackedAt) {

  /**
   * A result whose ack answered the last round sent.
   *
   * @param offset X of the accepted {@code OFFSET=X}
   * @param family the family the ack came over
   * @param server the address and port that answered
   * @param rounds rounds sent, the last one answered
   * @param timeToAck from the first send to the ack
   * @param roundTrip from the last send to the ack
   * @param ackedAt when the ack arrived, wall-clock time
   */
  public ResetResult(
      int offset,
      Family family,
      InetSocketAddress server,
      int rounds,
      Duration timeToAck,
      Duration roundTrip,
      Instant ackedAt) {
    this(offset, family, server, rounds, rounds, timeToAck, roundTrip, ackedAt);
  }

  /**
   * True if the ack answered an earlier round than the last one sent: a later RESET may have
   * reached the server too, and been applied after this answer.
   *
   * @return whether the ack answered an earlier round than the last
   */
  public boolean answeredAnEarlierRound() {
    return answeredRound < rounds;
  }

  /**
   * "IPv4" or "IPv6": {@code family().displayName()}.
   *
   * @return "IPv4" or "IPv6"
   */
  public String familyName() {
    return family.displayName();
  }
}
