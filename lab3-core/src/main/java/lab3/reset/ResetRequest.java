package lab3.reset;

import static com.google.common.base.Preconditions.checkArgument;

import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * The PDC's reset command {@code RESET:n}: "advance your clock by at most n seconds". On the wire
 * it is the ASCII text alone in one UDP datagram, without a terminator, as the lab's Python client
 * sends it ({@code sock.sendto(b"RESET:20", addr)}).
 *
 * <p>A pure codec: it never touches a socket, so the client, the emulator and the tests share it.
 *
 * @param n the largest offset the PMU may pick, 0 to {@link #MAX_N}; the lab uses 20
 */
public record ResetRequest(int n) {

  /** The lab's n. */
  public static final int DEFAULT_N = 20;

  /** The largest n this codec accepts (nine digits). */
  public static final int MAX_N = 999_999_999;

  private static final String PREFIX = "RESET:";

  /** Validates n: 0 to {@link #MAX_N}. */
  public ResetRequest {
    checkArgument(n >= 0 && n <= MAX_N, "n must be between 0 and %s, got %s", MAX_N, n);
  }

  /**
   * The datagram's payload: {@code RESET:n} in ASCII.
   *
   * @return the datagram's payload: {@code RESET:n} in ASCII
   */
  public byte[] encode() {
    return toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Parses a received datagram. One trailing line end (LF or CRLF) is tolerated, since users test
   * the emulator with {@code nc -u}; anything else around the command is an error.
   *
   * @throws ProtocolException naming what is wrong, if the bytes are not {@code RESET:<digits>}
   *     with n within range
   * @param data the received bytes
   * @param offset where the datagram starts in {@code data}
   * @param length how many bytes the datagram has
   * @return the reset request
   */
  public static ResetRequest decode(byte[] data, int offset, int length) throws ProtocolException {
    String text = Wire.text(data, offset, length);
    if (!text.startsWith(PREFIX)) {
      throw new ProtocolException("not a reset command: '" + Wire.shorten(text) + "'");
    }
    long n = Wire.number(text.substring(PREFIX.length()), MAX_N);
    if (n < 0) {
      throw new ProtocolException(
          "in RESET:n, n must be a whole number 0 to " + MAX_N + ": '" + Wire.shorten(text) + "'");
    }
    return new ResetRequest((int) n);
  }

  /** {@code RESET:n}. */
  @Override
  public String toString() {
    return PREFIX + n;
  }
}
