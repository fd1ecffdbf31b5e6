package lab3.reset.internal;

import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import lab3.reset.OffsetAck;
import lab3.reset.ResetProfile;
import lab3.reset.ResetRequest;

/**
 * The PMU's decision for one datagram, with no socket in sight: the lab's
 *
 * <pre>
 * if random.random() >= some_probability:
 *     s.sendto(b'OFFSET=X', addr)
 * </pre>
 *
 * with X drawn uniformly from [0, n]. Shared by the emulator and by tests that run the client over
 * a fake network. With {@link ResetProfile#COURSE} it decides as the course's server did: the loss
 * drawn first for every datagram, then exactly {@code RESET:20} answered with {@code OFFSET:X} and
 * anything else with {@code Wrong command.}.
 */
public final class ResetResponder {

  /** What to do with one datagram. */
  public sealed interface Outcome {}

  /**
   * Answer with {@code ack}, sent as {@link #payload()}.
   *
   * @param request the request answered
   * @param ack the offset chosen
   * @param profile how the ack is written ({@code OFFSET=X} or {@code OFFSET:X})
   */
  public record Answer(ResetRequest request, OffsetAck ack, ResetProfile profile)
      implements Outcome {
    /** The lab text's answer. */
    public Answer(ResetRequest request, OffsetAck ack) {
      this(request, ack, ResetProfile.LAB_TEXT);
    }

    /** The datagram to send. */
    public byte[] payload() {
      return profile.encode(ack);
    }
  }

  /**
   * The course's answer to anything but {@code RESET:20}: {@link #PAYLOAD}.
   *
   * @param reason what was wrong with the datagram
   */
  public record WrongCommand(String reason) implements Outcome {
    private static final byte[] PAYLOAD =
        ResetProfile.WRONG_COMMAND.getBytes(StandardCharsets.US_ASCII);

    /** {@code Wrong command.} in ASCII. */
    public byte[] payload() {
      return Arrays.copyOf(PAYLOAD, PAYLOAD.length);
    }
  }

  /** A valid request, dropped on purpose. */
  public record Dropped(ResetRequest request) implements Outcome {}

  /** Not a reset command: no answer. */
  public record Malformed(String reason) implements Outcome {}

  /** A datagram the course's server dropped before reading it. */
  public record Ignored() implements Outcome {}

  private final double loss;
  private final Random random;
  private final ResetProfile profile;

  /**
   * The lab text's responder.
   *
   * @param loss the probability of dropping a valid request, 0 to 1
   * @param random the source of losses and offsets; thread safe
   */
  public ResetResponder(double loss, Random random) {
    this(loss, random, ResetProfile.LAB_TEXT);
  }

  /**
   * @param loss the probability of dropping a request, 0 to 1
   * @param random the source of losses and offsets; thread safe
   * @param profile how requests are read and answered
   */
  public ResetResponder(double loss, Random random, ResetProfile profile) {
    this.loss = loss;
    this.random = random;
    this.profile = profile;
  }

  public Outcome respond(byte[] data) {
    if (profile == ResetProfile.COURSE) {
      return respondAsCourse(data);
    }
    ResetRequest request;
    try {
      request = ResetRequest.decode(data, 0, data.length);
    } catch (ProtocolException e) {
      return new Malformed(e.getMessage());
    }
    if (random.nextDouble() < loss) {
      return new Dropped(request);
    }
    return new Answer(request, new OffsetAck(random.nextInt(request.n() + 1)));
  }

  private Outcome respondAsCourse(byte[] data) {
    boolean dropped = random.nextDouble() < loss;
    String text = new String(data, StandardCharsets.ISO_8859_1);
    if (!text.equals(ResetProfile.COURSE_REQUEST)) {
      return dropped
          ? new Ignored()
          : new WrongCommand("not exactly " + ResetProfile.COURSE_REQUEST);
    }
    ResetRequest request = new ResetRequest(ResetRequest.DEFAULT_N);
    if (dropped) {
      return new Dropped(request);
    }
    return new Answer(request, new OffsetAck(random.nextInt(request.n() + 1)), profile);
  }

  /** An in-range offset other than {@code real} (or any in-range one if {@code real} is -1). */
  public int otherOffset(int n, int real) {
    if (real < 0) {
      return random.nextInt(n + 1);
    }
    return n == 0 ? real : (real + 1 + random.nextInt(n)) % (n + 1);
  }
}
