package lab3.reset.internal;

import java.net.ProtocolException;
import java.util.Random;
import lab3.reset.OffsetAck;
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
 * a fake network.
 */
public final class ResetResponder {

  /** What to do with one datagram. */
  public sealed interface Outcome {}

  /** Answer with {@code ack}. */
  public record Answer(ResetRequest request, OffsetAck ack) implements Outcome {}

  /** A valid request, dropped on purpose. */
  public record Dropped(ResetRequest request) implements Outcome {}

  /** Not a reset command: no answer. */
  public record Malformed(String reason) implements Outcome {}

  private final double loss;
  private final Random random;

  /**
   * @param loss the probability of dropping a valid request, 0 to 1
   * @param random the source of losses and offsets; thread safe
   */
  public ResetResponder(double loss, Random random) {
    this.loss = loss;
    this.random = random;
  }

  public Outcome respond(byte[] data) {
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

  /** An in-range offset other than {@code real} (or any in-range one if {@code real} is -1). */
  public int otherOffset(int n, int real) {
    if (real < 0) {
      return random.nextInt(n + 1);
    }
    return n == 0 ? real : (real + 1 + random.nextInt(n)) % (n + 1);
  }
}
