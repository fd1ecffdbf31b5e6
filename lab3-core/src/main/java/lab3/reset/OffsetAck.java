package lab3.reset;

import static com.google.common.base.Preconditions.checkArgument;

import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * The PMU's acknowledgement {@code OFFSET=X}: the offset in seconds it actually applied, with 0
 * &lt;= X &lt;= n of the request. One UDP datagram, ASCII, no terminator.
 *
 * <p>The pitfall for a client: an ack is only an ack if it answers <em>this</em> request, so the
 * range check needs the n that was sent ({@link #decode(byte[], int, int, int)}); the check of
 * where the datagram came from is the client's job, not the codec's.
 *
 * @param offset X, 0 to {@link ResetRequest#MAX_N}
 */
public record OffsetAck(int offset) {
  private static final String PREFIX = "OFFSET=";

  /**
   * The course's own reset server (2020) answered {@code OFFSET:X}, with a colon, where the lab
   * text writes {@code OFFSET=X} (FACTS.md, Part 3): a client that waits for the lab text's form
   * only would never finish against it, so both are accepted.
   */
  private static final String COURSE_PREFIX = "OFFSET:";

  /** Validates the offset: 0 to {@link ResetRequest#MAX_N}. */
  public OffsetAck {
    checkArgument(
        offset >= 0 && offset <= ResetRequest.MAX_N,
        "offset must be between 0 and %s, got %s",
        ResetRequest.MAX_N,
        offset);
  }

  /**
   * The datagram's payload: {@code OFFSET=X} in ASCII.
   *
   * @return the datagram's payload: {@code OFFSET=X} in ASCII
   */
  public byte[] encode() {
    return toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Parses a received datagram as the answer to {@code RESET:n}: {@code OFFSET=X}, or {@code
   * OFFSET:X} as the course's server wrote it. One trailing line end is tolerated.
   *
   * @throws ProtocolException if the bytes are not {@code OFFSET=<digits>}, or X is above n
   * @param data the received bytes
   * @param offset where the datagram starts in {@code data}
   * @param length how many bytes the datagram has
   * @param n the n of {@code RESET:n}
   * @return the offset ack
   */
  public static OffsetAck decode(byte[] data, int offset, int length, int n)
      throws ProtocolException {
    String text = Wire.text(data, offset, length);
    if (!text.startsWith(PREFIX) && !text.startsWith(COURSE_PREFIX)) {
      throw new ProtocolException("not an ack: '" + Wire.shorten(text) + "'");
    }
    long x = Wire.number(text.substring(PREFIX.length()), ResetRequest.MAX_N);
    if (x < 0) {
      throw new ProtocolException(
          "in OFFSET=X, X must be a whole number: '" + Wire.shorten(text) + "'");
    }
    if (x > n) {
      throw new ProtocolException("offset " + x + " out of range: RESET:" + n + " asks 0 to " + n);
    }
    return new OffsetAck((int) x);
  }

  /**
   * Like {@link #decode(byte[], int, int, int)} over a whole array.
   *
   * @param data the received bytes
   * @param n the n of {@code RESET:n}
   * @return the offset ack
   * @throws ProtocolException if the peer sends bytes that break the protocol
   */
  public static OffsetAck decode(byte[] data, int n) throws ProtocolException {
    return decode(data, 0, data.length, n);
  }

  /** {@code OFFSET=X}. */
  @Override
  public String toString() {
    return PREFIX + offset;
  }
}
