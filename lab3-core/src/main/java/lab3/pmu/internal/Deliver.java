package lab3.pmu.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import lab3.pmu.PmuByteListener;
import lab3.pmu.PmuListener;

/**
 * Hands a message or a piece of text to a listener: as bytes to a {@link PmuByteListener}, as a
 * String to any other (so that a plain Mockito mock of {@link PmuListener} sees {@code onMessage}).
 */
public final class Deliver {
  private Deliver() {}

  /** One {@code CMD_short} message of ASCII bytes. */
  public static void message(PmuListener listener, byte[] ascii, int off, int len)
      throws IOException {
    if (listener instanceof PmuByteListener bytes) {
      bytes.onMessageBytes(ascii, off, len);
    } else {
      listener.onMessage(new String(ascii, off, len, StandardCharsets.US_ASCII));
    }
  }

  /** One piece of well-formed UTF-8 {@code CMD_floodme} text. */
  public static void text(PmuListener listener, byte[] utf8, int off, int len) throws IOException {
    if (listener instanceof PmuByteListener bytes) {
      bytes.onTextBytes(utf8, off, len);
    } else {
      listener.onText(new String(utf8, off, len, StandardCharsets.UTF_8));
    }
  }
}
