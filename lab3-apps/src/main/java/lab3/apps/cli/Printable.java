package lab3.apps.cli;

import java.nio.charset.StandardCharsets;

/**
 * Makes text that may hold a peer's bytes (a server's answer, a close reason, an HTTP status line,
 * a multicast text, an ignored datagram) safe for a diagnostic line on a terminal: control
 * characters escaped ({@code \r}, {@code \n}, {@code \t}, {@code \x1b}, other non-printable code
 * points as &#92;u and four hex digits, so a hostile peer can neither start a new line nor send
 * terminal escape sequences) and the whole cut to {@value #LIMIT} characters, the rest counted.
 * Only for stderr: stdout carries the data exactly as the protocol delivered it.
 */
public final class Printable {
  /** The most characters of untrusted text one diagnostic line shows. */
  public static final int LIMIT = 200;

  private Printable() {}

  /**
   * {@code text} escaped and cut to {@link #LIMIT} characters (then "… (N more bytes)"); null is
   * the empty string.
   */
  public static String line(CharSequence text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length() && out.length() < LIMIT) {
      int c = Character.codePointAt(text, i);
      escape(c, out);
      i += Character.charCount(c);
    }
    if (i < text.length()) {
      int more =
          text.subSequence(i, text.length()).toString().getBytes(StandardCharsets.UTF_8).length;
      out.append("… (").append(more).append(" more bytes)");
    }
    return out.toString();
  }

  private static void escape(int c, StringBuilder out) {
    switch (c) {
      case '\r' -> out.append("\\r");
      case '\n' -> out.append("\\n");
      case '\t' -> out.append("\\t");
      case '\\' -> out.append("\\\\");
      default -> {
        if (c < 0x20 || c == 0x7f) {
          out.append(String.format("\\x%02x", c));
        } else if (printable(c)) {
          out.appendCodePoint(c);
        } else {
          out.append(String.format("\\u%04x", c));
        }
      }
    }
  }

  /** False for C1 controls, format characters (bidi overrides...), separators, unassigned. */
  private static boolean printable(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED ->
          false;
      default -> true;
    };
  }
}
