package lab3.ws.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;

/**
 * The frames a WebSocket client sends (RFC 6455, 5.2 and 5.3): each whole (FIN set) and masked with
 * four random bytes of its own, as every frame from a client must be. The client sends three kinds:
 * its command as a text message, the pong that answers a ping, and the close frame that answers the
 * server's.
 */
public final class WsClientFrame {
  private static final Random MASKS = new SecureRandom();

  private WsClientFrame() {}

  /**
   * A text message of one frame.
   *
   * @param text the message
   * @return the frame's bytes
   */
  public static byte[] text(String text) {
    return frame(WsFrameDecoder.TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The pong that answers a ping.
   *
   * @param payload the ping's payload (at most 125 bytes)
   * @return the frame's bytes
   */
  public static byte[] pong(byte[] payload) {
    return frame(WsFrameDecoder.PONG, payload);
  }

  /**
   * A close frame with a status code and no reason.
   *
   * @param code the status code
   * @return the frame's bytes
   */
  public static byte[] close(int code) {
    return frame(WsFrameDecoder.CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
  }

  /** A masked frame with FIN set. */
  static byte[] frame(int opcode, byte[] payload) {
    byte[] mask = new byte[4];
    MASKS.nextBytes(mask);
    return frame(opcode, payload, mask);
  }

  /** A frame masked with {@code mask}, for tests that need known bytes. */
  static byte[] frame(int opcode, byte[] payload, byte[] mask) {
    int n = payload.length;
    int lengthBytes = n < 126 ? 0 : n <= 0xFFFF ? 2 : 8;
    byte[] frame = new byte[2 + lengthBytes + 4 + n];
    frame[0] = (byte) (0x80 | opcode);
    int i = 2;
    if (lengthBytes == 0) {
      frame[1] = (byte) (0x80 | n);
    } else if (lengthBytes == 2) {
      frame[1] = (byte) (0x80 | 126);
      frame[i++] = (byte) (n >> 8);
      frame[i++] = (byte) n;
    } else {
      frame[1] = (byte) (0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame[i++] = (byte) ((long) n >> shift);
      }
    }
    System.arraycopy(mask, 0, frame, i, 4);
    i += 4;
    for (int k = 0; k < n; k++) {
      frame[i + k] = (byte) (payload[k] ^ mask[k & 3]);
    }
    return frame;
  }
}
