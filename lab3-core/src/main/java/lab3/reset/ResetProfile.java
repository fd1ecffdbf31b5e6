package lab3.reset;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * How the reset server answers: as the lab text describes it ({@link #LAB_TEXT}), or as the
 * course's own server behaved in 2020 ({@link #COURSE}). Chosen with {@link
 * ResetServer.Builder#profile}.
 *
 * <p>The two differ where the course's server did not do what the lab text says. The facts come
 * from FACTS.md of the course's material ("Part 3, reset server over UDP (2020)"), read from the
 * Python 3.6 bytecode of the course's two servers and of the runner that alternated them:
 *
 * <table>
 *   <caption>What each profile does</caption>
 *   <tr><th></th><th>{@link #LAB_TEXT}</th><th>{@link #COURSE}</th></tr>
 *   <tr><td>answer</td><td>{@code OFFSET=X}</td><td>{@code OFFSET:X} ("colon; the lab text writes
 *       OFFSET=X")</td></tr>
 *   <tr><td>requests answered</td><td>any {@code RESET:n}, X in [0, n]</td><td>exactly {@code
 *       RESET:20}, X in [0, 20]</td></tr>
 *   <tr><td>anything else</td><td>no answer</td><td>{@code Wrong command.}</td></tr>
 *   <tr><td>loss</td><td>0</td><td>0.5 ("drops a request with probability 0.5")</td></tr>
 *   <tr><td>families</td><td>both at once</td><td>one at a time, switching every 10 s ("a runner
 *       started one, then the other, switching every 10 s")</td></tr>
 * </table>
 *
 * <p>FACTS.md does not say whether the course's server drew its loss before it read the request;
 * {@link #COURSE} draws it first, for every datagram, so a wrong command is dropped half the time
 * as well.
 */
public enum ResetProfile {
  /** As the lab text describes the server. */
  LAB_TEXT(0, Duration.ofSeconds(30), false),

  /** As the course's server behaved (FACTS.md, Part 3). */
  COURSE(0.5, Duration.ofSeconds(10), true);

  /** The only request the course's server answered with an offset. */
  public static final String COURSE_REQUEST = "RESET:20";

  /** The course's answer to anything but {@link #COURSE_REQUEST}. */
  public static final String WRONG_COMMAND = "Wrong command.";

  private final double loss;
  private final Duration period;
  private final boolean alternates;

  ResetProfile(double loss, Duration period, boolean alternates) {
    this.loss = loss;
    this.period = period;
    this.alternates = alternates;
  }

  /**
   * The probability of dropping a request: 0 for the lab text (its own loss is the staff's choice),
   * 0.5 for the course.
   *
   * @return the probability of dropping a request
   */
  public double loss() {
    return loss;
  }

  /**
   * How long each family is served when alternating: 10 s for the course.
   *
   * @return how long each family is served when alternating
   */
  public Duration period() {
    return period;
  }

  /**
   * True if the server serves one family at a time (the course's runner).
   *
   * @return whether the server alternates between the families
   */
  public boolean alternates() {
    return alternates;
  }

  /**
   * The datagram that answers with offset {@code x}: {@code OFFSET=X} or {@code OFFSET:X}.
   *
   * @param ack the offset to send
   * @return the datagram's payload, ASCII
   */
  public byte[] encode(OffsetAck ack) {
    String text = this == COURSE ? "OFFSET:" + ack.offset() : ack.toString();
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The name used on command lines and in policies: {@code lab-text} or {@code course}.
   *
   * @return {@code lab-text} or {@code course}
   */
  public String label() {
    return this == COURSE ? "course" : "lab-text";
  }
}
