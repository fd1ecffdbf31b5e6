package lab3.reset;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** What {@link ResetRequest} and {@link OffsetAck} share: ASCII text with digits at the end. */
final class Wire {
  private Wire() {}

  /** The datagram as text (ISO-8859-1: one char per byte, never fails), one line end removed. */
  static String text(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    String text = new String(data, offset, length, StandardCharsets.ISO_8859_1);
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /** The value of 1 to 9 ASCII digits at most {@code max}, or -1 if {@code digits} is not that. */
  static long number(String digits, int max) {
    if (digits.isEmpty() || digits.length() > 9) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    long value = Long.parseLong(digits);
    return value <= max ? value : -1;
  }

  /** At most 40 characters of what arrived, control characters shown as '.', for messages. */
  static String shorten(String text) {
    String s = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    StringBuilder printable = new StringBuilder(s.length());
    s.chars().forEach(c -> printable.append(c < 0x20 || c >= 0x7f ? '.' : (char) c));
    return printable.toString();
  }
}
