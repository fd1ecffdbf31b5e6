package lab3.pmu.internal;

import com.google.common.base.Suppliers;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import lab3.pmu.FloodText;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuMessageDecoder;

/**
 * What the lab's PMU answers, whatever carries the bytes: for {@code CMD_short:d}, n messages
 * {@code This is PMU data i} numbered from the first message, d seconds apart; for {@code
 * CMD_floodme}, the whole text at once. The TCP and TLS sessions ({@link PmuSession}) and the
 * WebSocket sessions ({@code lab3.ws.internal.WsPmuSession}) drive it with a {@link Sink} of their
 * own, so a change of the lab's protocol is made here once.
 *
 * <p>Immutable and shared by every session of a server; {@link #answer} runs on the session's own
 * (virtual) thread and sleeps there between messages.
 */
public final class PmuResponder {
  private final IntSupplier messageCount;
  private final int firstMessage;
  private final FloodText floodText;

  /** The floodme text in a buffer, made at the first floodme and shared by every session. */
  private final Supplier<ByteBuffer> floodBuffer;

  /** How a transport puts the answer on its wire. */
  public interface Sink {
    /**
     * One PMU message, as one unit of the transport (one {@code send()} on TCP, one WebSocket
     * message).
     *
     * @param ascii the message's bytes, a new array the sink may keep
     * @param now true when a pause or the end of the answer follows: the message must be on its way
     *     before this returns; false when another message follows at once (a sink may gather them)
     */
    void message(byte[] ascii, boolean now) throws IOException;

    /** The floodme text, in one unit (one write call, one WebSocket message). */
    void flood(FloodText text) throws IOException;
  }

  /**
   * A responder that sends {@code messageCount} messages per {@code CMD_short}, numbered from
   * {@code firstMessage}, and {@code floodText} for {@code CMD_floodme}.
   */
  public PmuResponder(IntSupplier messageCount, int firstMessage, FloodText floodText) {
    this.messageCount = messageCount;
    this.firstMessage = firstMessage;
    this.floodText = floodText;
    this.floodBuffer = Suppliers.memoize(() -> sharedBuffer(SharedFloodBytes.of(floodText)));
  }

  /** The text in a direct buffer, or around its array where the JVM has no direct memory left. */
  private static ByteBuffer sharedBuffer(byte[] text) {
    ByteBuffer buffer;
    try {
      buffer = ByteBuffer.allocateDirect(text.length).put(text).flip();
    } catch (OutOfMemoryError noDirectMemory) { // -XX:MaxDirectMemorySize is below the text
      buffer = ByteBuffer.wrap(text);
    }
    return buffer.asReadOnlyBuffer();
  }

  /** A responder with every setting of {@code settings}. */
  public static PmuResponder of(PmuServerSettings settings) {
    return new PmuResponder(settings.messageCount(), settings.firstMessage(), settings.floodText());
  }

  /** The floodme text this responder sends. */
  public FloodText floodText() {
    return floodText;
  }

  /**
   * The floodme text in a read-only direct buffer, made at the first call and shared: {@link
   * ByteBuffer#duplicate() duplicate} it to send it. A channel writes a direct buffer as it is; a
   * heap array it first copies into a temporary direct buffer, 128 KiB per system call (half of a
   * TCP sender's CPU for a 1 GiB floodme). Where the JVM's direct memory ({@code
   * -XX:MaxDirectMemorySize}, by default the heap's maximum) cannot hold the text, the buffer is a
   * read-only view of the text's heap array instead: slower to send, the same bytes.
   */
  public ByteBuffer floodBuffer() {
    return floodBuffer.get();
  }

  /**
   * Answers {@code command} through {@code sink}; returns what was sent, for the session's log line
   * ("20 messages, 379 bytes").
   *
   * @throws InterruptedIOException if the thread is interrupted during a pause (the server is
   *     closing, or the client left); the interrupt flag is set again
   */
  public String answer(PmuCommand command, Sink sink) throws IOException {
    return switch (command) {
      case PmuCommand.Short s -> sendShort(s.interval(), sink);
      case PmuCommand.Floodme f -> {
        sink.flood(floodText);
        yield floodText.size() + " bytes of text";
      }
    };
  }

  private String sendShort(Duration interval, Sink sink) throws IOException {
    int n = messageCount.getAsInt();
    boolean paced = !interval.isZero();
    long bytes = 0;
    for (int i = 1; i <= n; i++) {
      byte[] message =
          (PmuMessageDecoder.PREFIX + (i - 1 + firstMessage)).getBytes(StandardCharsets.US_ASCII);
      bytes += message.length;
      sink.message(message, paced || i == n);
      if (paced && i < n) {
        try {
          Thread.sleep(interval);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted after " + i + " of " + n + " messages");
        }
      }
    }
    return n + " messages, " + bytes + " bytes";
  }
}
