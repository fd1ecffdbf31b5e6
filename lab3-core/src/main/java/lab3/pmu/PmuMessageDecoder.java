package lab3.pmu;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import lab3.pmu.internal.Deliver;

/**
 * Cuts the byte stream of a {@code CMD_short} answer back into messages.
 *
 * <p>The PMU writes {@code This is PMU data 1}, {@code This is PMU data 2}, ... with no delimiter,
 * and TCP delivers them cut wherever it likes: several messages in one read, one message over
 * several reads, even the digits of a number split in two. This decoder follows Netty's
 * partial-frame discipline: feed it each read with {@link #decode}; it emits every message that is
 * complete, keeps the incomplete rest for the next read, and {@link #finish} emits or reports what
 * is left when the stream ends.
 *
 * <p>When does a message end? The number has no terminator, so in general only the next message's
 * first byte (or the end of the stream) tells. But the PMU numbers its messages 1, 2, 3, ...: once
 * the digits read equal the number expected next, the message is complete and is emitted at once,
 * which matters when the PMU pauses a second between messages. A number that is not the expected
 * one (a server that skips or restarts) is still decoded, one byte later.
 *
 * <p>Not thread-safe: one decoder per stream. It allocates nothing for a {@link PmuByteListener}:
 * each message is handed to its {@link PmuByteListener#onMessageBytes} in an array the decoder
 * reuses; any other listener gets the String, in {@link PmuListener#onMessage}.
 */
public final class PmuMessageDecoder {
  /** The text before the number in every message. */
  public static final String PREFIX = "This is PMU data ";

  private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.US_ASCII);
  private static final int PREFIX_LENGTH = PREFIX_BYTES.length;
  private static final int MAX_DIGITS = 18; // fits a long

  /** The message being decoded: the prefix, then its digits as they arrive. */
  private final byte[] message = Arrays.copyOf(PREFIX_BYTES, PREFIX_LENGTH + MAX_DIGITS);

  private int matched; // bytes of PREFIX matched in the current message

  /** A decoder at the start of a stream, expecting message 1. */
  public PmuMessageDecoder() {}

  private int digitCount;
  private long number;
  private long expected = 1;
  private long messages;
  private boolean emittedEarly; // the last message was emitted on reaching the expected number

  /**
   * The messages emitted so far.
   *
   * @return the messages emitted so far
   */
  public long messages() {
    return messages;
  }

  /**
   * True if no message is half-decoded: the stream may end here cleanly.
   *
   * @return whether no message is half-decoded: the stream may end here cleanly
   */
  public boolean atBoundary() {
    return matched == 0 && digitCount == 0;
  }

  /**
   * Decodes {@code len} bytes from {@code buf[off]}, calling {@code listener.onMessage} for every
   * message they complete.
   *
   * @throws ProtocolException if the bytes are not PMU messages; messages before the fault were
   *     emitted
   * @param buf the bytes one read returned, {@code buf[off]} to {@code buf[off + len - 1]}
   * @param off where the bytes start
   * @param len how many bytes
   * @param listener receives each complete message
   */
  public void decode(byte[] buf, int off, int len, PmuListener listener) throws IOException {
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (matched == 0
          && end - i >= PREFIX_LENGTH
          && Arrays.equals(buf, i, i + PREFIX_LENGTH, PREFIX_BYTES, 0, PREFIX_LENGTH)) {
        matched = PREFIX_LENGTH; // the whole prefix at once, the common case
        emittedEarly = false;
        i += PREFIX_LENGTH - 1;
        continue;
      }
      byte b = buf[i];
      if (matched < PREFIX_LENGTH) {
        if (b == PREFIX_BYTES[matched]) {
          matched++;
          emittedEarly = false;
          continue;
        }
        throw unexpected(buf, i, end);
      }
      if (b >= '0' && b <= '9') {
        if (digitCount == MAX_DIGITS) {
          throw new ProtocolException("message number longer than " + MAX_DIGITS + " digits");
        }
        message[PREFIX_LENGTH + digitCount++] = b;
        number = number * 10 + (b - '0');
        if (number == expected && message[PREFIX_LENGTH] != '0') {
          emit(listener);
          emittedEarly = true;
        }
        continue;
      }
      if (digitCount == 0) {
        throw unexpected(buf, i, end);
      }
      emit(listener); // a number other than the expected one ends at the next non-digit
      i--; // and that byte starts the next message
    }
  }

  /**
   * The stream has ended: emits the last message if it is complete.
   *
   * @throws TruncatedMessageException if the stream ended inside a message
   * @param listener receives the last message, if the stream ends with one
   */
  public void finish(PmuListener listener) throws IOException {
    if (matched == PREFIX_LENGTH && digitCount > 0) {
      emit(listener);
    } else if (!atBoundary()) {
      throw new TruncatedMessageException(partial());
    }
  }

  private void emit(PmuListener listener) throws IOException {
    int length = PREFIX_LENGTH + digitCount;
    expected = number + 1;
    messages++;
    matched = 0;
    digitCount = 0;
    number = 0;
    Deliver.message(listener, message, 0, length);
  }

  private String partial() {
    return PREFIX.substring(0, matched)
        + new String(message, PREFIX_LENGTH, digitCount, StandardCharsets.US_ASCII);
  }

  private ProtocolException unexpected(byte[] buf, int at, int end) {
    if (emittedEarly && buf[at] >= '0' && buf[at] <= '9') {
      return new ProtocolException(
          "message numbers out of sequence: more digits after message " + (expected - 1));
    }
    String seen = new String(buf, at, Math.min(end - at, 80), StandardCharsets.UTF_8).strip();
    String where = atBoundary() ? "" : " after '" + partial() + "'";
    return new ProtocolException("not a PMU message" + where + ": the server sent '" + seen + "'");
  }
}
