package lab3.ws.internal;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts the bytes a WebSocket server sends (RFC 6455, section 5) back into frames, and hands a data
 * message over as its payload arrives rather than once it is whole.
 *
 * <p>The stream is frames: a header of 2 to 14 bytes (FIN, the opcode, the payload's length in 7,
 * 16 or 64 bits, a masking key that a server never sends), then the payload. TCP cuts them
 * anywhere, a header over two reads included. As {@link lab3.pmu.PmuMessageDecoder} does, this
 * decoder follows Netty's partial-frame discipline: feed it each read with {@link #decode}; it
 * passes on what is complete (a piece of payload is complete as soon as it is there), keeps an
 * incomplete header or control frame for the next read, and never knows where the bytes came from.
 *
 * <p>A data message is one text or binary frame, then continuation frames until one with FIN set:
 * {@link Frames#onMessageStart}, {@link Frames#onMessageBytes} for every piece of payload as it
 * arrives (a 64 MiB message costs no 64 MiB of memory), {@link Frames#onMessageEnd}. Control frames
 * (ping, pong, close; at most 125 bytes, never fragmented) may come between two frames of a
 * message; they are handed over whole.
 *
 * <p>What a client must refuse (section 5.1 and 5.2) is a {@link Violation} (a {@link
 * ProtocolException}): a masked frame, reserved bits without an extension (the client offers none),
 * an unknown opcode, a continuation with no message to continue or a new message inside one, a
 * fragmented or long control frame, a close frame of one byte or with a code no endpoint may send.
 * So is a message larger than the limit, found at the header of the frame that passes it, before
 * any of that frame's payload is handed over. After a close frame the decoder takes nothing more.
 *
 * <p>Not thread-safe: one decoder per connection.
 */
public final class WsFrameDecoder {
  /** What the decoder finds in the stream. */
  public interface Frames {
    /**
     * A data message starts.
     *
     * @param text a text message (opcode 1) rather than a binary one (opcode 2)
     * @throws IOException if the receiver fails
     */
    void onMessageStart(boolean text) throws IOException;

    /**
     * The next piece of the message's payload, valid only during the call.
     *
     * @param buf the bytes, {@code buf[off]} to {@code buf[off + len - 1]}
     * @param off where they start
     * @param len how many, at least 1
     * @throws IOException if the receiver fails
     */
    void onMessageBytes(byte[] buf, int off, int len) throws IOException;

    /**
     * The message is complete: its last frame had FIN set.
     *
     * @throws IOException if the receiver fails
     */
    void onMessageEnd() throws IOException;

    /**
     * A ping, to be answered with a pong that carries the same payload.
     *
     * @param payload the ping's payload, 0 to 125 bytes, the receiver's to keep
     * @throws IOException if the receiver fails
     */
    void onPing(byte[] payload) throws IOException;

    /**
     * A close frame: the server ends the session. Nothing follows it.
     *
     * @param code the status code, or 1005 (no status) if the frame had none
     * @param reason the reason, empty if none
     * @throws IOException if the receiver fails
     */
    void onClose(int code, String reason) throws IOException;
  }

  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  private static final int MAX_CONTROL_PAYLOAD = 125;

  /**
   * A stream that breaks RFC 6455, or a message over the limit: the decoder's own faults, told
   * apart from what a receiver throws.
   */
  public static final class Violation extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /** The status code of the close frame that answers it: 1002 or 1009. */
    private final int closeCode;

    Violation(String message) {
      this(message, 1002);
    }

    Violation(String message, int closeCode) {
      super(message);
      this.closeCode = closeCode;
    }

    /**
     * The status code of the close frame that answers this fault (RFC 6455, 7.4.1).
     *
     * @return 1002 (protocol error) or 1009 (message too big)
     */
    public int closeCode() {
      return closeCode;
    }
  }

  private final long maxMessageBytes;

  private final byte[] header = new byte[14];
  private int headerHave; // bytes of the current header read so far
  private int headerNeed = 2; // the header's length, known once its second byte is in

  private boolean inPayload;
  private int opcode; // of the current frame
  private boolean fin;
  private long remaining; // payload bytes of the current frame still to come

  private final byte[] control = new byte[MAX_CONTROL_PAYLOAD];
  private int controlHave;

  private boolean inMessage;
  private long messageBytes; // payload of the current message so far, counting the current frame
  private boolean closed;

  /**
   * A decoder at the start of a session.
   *
   * @param maxMessageBytes the largest data message accepted, in payload bytes
   */
  public WsFrameDecoder(long maxMessageBytes) {
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("message size limit must be positive: " + maxMessageBytes);
    }
    this.maxMessageBytes = maxMessageBytes;
  }

  /**
   * Whether a close frame was decoded: the session is over.
   *
   * @return whether a close frame was decoded
   */
  public boolean closed() {
    return closed;
  }

  /**
   * Decodes {@code len} bytes from {@code buf[off]}, handing {@code frames} every piece of payload
   * and every control frame they complete. Bytes after a close frame are ignored.
   *
   * @param buf the bytes one read returned
   * @param off where they start
   * @param len how many
   * @param frames receives what the bytes complete
   * @throws Violation if the bytes break RFC 6455 or a message outgrows the limit; what came before
   *     the fault was handed over
   * @throws IOException what {@code frames} throws
   */
  public void decode(byte[] buf, int off, int len, Frames frames) throws IOException {
    int i = off;
    int end = off + len;
    while (i < end && !closed) {
      if (!inPayload) {
        i = readHeader(buf, i, end);
        if (headerHave < headerNeed) {
          return; // the header is cut: the rest comes with the next read
        }
        startFrame(frames);
        if (remaining > 0) {
          continue;
        }
      } else {
        int n = (int) Math.min(remaining, end - i);
        if (opcode >= CLOSE) {
          System.arraycopy(buf, i, control, controlHave, n);
          controlHave += n;
        } else {
          frames.onMessageBytes(buf, i, n);
        }
        i += n;
        remaining -= n;
        if (remaining > 0) {
          return; // the payload goes on in the next read
        }
      }
      endFrame(frames);
    }
  }

  /** Copies header bytes from {@code buf[i..end)}, at most up to the header's end. */
  private int readHeader(byte[] buf, int i, int end) throws Violation {
    while (i < end && headerHave < headerNeed) {
      header[headerHave++] = buf[i++];
      if (headerHave == 2) {
        if ((header[1] & 0x80) != 0) {
          throw new Violation("the server sent a masked frame (RFC 6455, 5.1)");
        }
        int length = header[1] & 0x7F;
        headerNeed = length == 126 ? 4 : length == 127 ? 10 : 2;
      }
    }
    return i;
  }

  /** The header is whole: checks the frame and sets up its payload. */
  private void startFrame(Frames frames) throws IOException {
    int b0 = header[0] & 0xFF;
    fin = (b0 & 0x80) != 0;
    opcode = b0 & 0x0F;
    remaining = payloadLength();
    headerHave = 0;
    headerNeed = 2;
    inPayload = true;
    if ((b0 & 0x70) != 0) {
      throw new Violation(
          "the server set reserved bits 0x"
              + Integer.toHexString(b0 & 0x70)
              + " of a frame"
              + " without an extension that defines them (none was negotiated)");
    }
    switch (opcode) {
      case TEXT, BINARY -> {
        if (inMessage) {
          throw new Violation(
              "a new message started before the last one ended (a continuation frame expected)");
        }
        inMessage = true;
        messageBytes = 0;
        checkLimit();
        frames.onMessageStart(opcode == TEXT);
      }
      case CONTINUATION -> {
        if (!inMessage) {
          throw new Violation("a continuation frame with no message to continue");
        }
        checkLimit();
      }
      case CLOSE, PING, PONG -> {
        if (!fin) {
          throw new Violation("a fragmented control frame (opcode " + opcode + ")");
        }
        if (remaining > MAX_CONTROL_PAYLOAD) {
          throw new Violation(
              "a control frame (opcode " + opcode + ") of " + remaining + " bytes (at most 125)");
        }
        controlHave = 0;
      }
      default -> throw new Violation("a frame with the reserved opcode " + opcode);
    }
  }

  private long payloadLength() throws Violation {
    int length = header[1] & 0x7F;
    if (length == 126) {
      return ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
    } else if (length == 127) {
      long n = 0;
      for (int k = 2; k < 10; k++) {
        n = (n << 8) | (header[k] & 0xFF);
      }
      if (n < 0) {
        throw new Violation("a frame length with its most significant bit set");
      }
      return n;
    }
    return length;
  }

  private void checkLimit() throws Violation {
    messageBytes += remaining;
    if (messageBytes > maxMessageBytes) {
      throw new Violation(
          "a message of "
              + (fin ? "" : "at least ")
              + messageBytes
              + " bytes exceeds the limit of "
              + maxMessageBytes
              + " bytes",
          1009);
    }
  }

  /** The frame's payload is all in. */
  private void endFrame(Frames frames) throws IOException {
    inPayload = false;
    switch (opcode) {
      case TEXT, BINARY, CONTINUATION -> {
        if (fin) {
          inMessage = false;
          frames.onMessageEnd();
        }
      }
      case PING -> frames.onPing(Arrays.copyOf(control, controlHave));
      case CLOSE -> {
        closed = true;
        close(frames);
      }
      default -> {} // a pong answers nothing we sent: ignored, as RFC 6455 5.5.3 allows
    }
  }

  private void close(Frames frames) throws IOException {
    if (controlHave == 0) {
      frames.onClose(1005, "");
      return;
    }
    if (controlHave == 1) {
      throw new Violation("a close frame of one byte (a status code has two)");
    }
    int code = ((control[0] & 0xFF) << 8) | (control[1] & 0xFF);
    if (!sendable(code)) {
      throw new Violation(
          "the server closed with the status code "
              + code
              + ", which no endpoint may send (RFC 6455, 7.4)");
    }
    frames.onClose(code, new String(control, 2, controlHave - 2, StandardCharsets.UTF_8));
  }

  /** Whether an endpoint may put {@code code} in a close frame (RFC 6455, 7.4.1 and 7.4.2). */
  static boolean sendable(int code) {
    return code >= 1000
        && code < 5000
        && !(code >= 1004 && code <= 1006)
        && !(code >= 1015 && code < 3000);
  }
}
