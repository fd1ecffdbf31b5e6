package lab3.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the bench needs: quoting strings for the reports it writes, and reading them back
 * ({@code grade --report} is what {@code grade-class} reads). Objects become {@code Map}s in their
 * order, arrays {@code List}s, numbers {@code Double}s.
 */
public final class Json {
  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /** {@code s} as a JSON string literal, with its quotes. */
  public static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  /**
   * Parses one JSON value.
   *
   * @throws IllegalArgumentException if {@code text} is not JSON
   */
  public static Object parse(String text) {
    Json json = new Json(text);
    Object value = json.value();
    json.blanks();
    if (json.at != text.length()) {
      throw json.error("text after the value");
    }
    return value;
  }

  private Object value() {
    blanks();
    if (at >= text.length()) {
      throw error("end of text");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{' -> {
        at++;
        Map<String, Object> object = new LinkedHashMap<>();
        blanks();
        if (peek('}')) {
          return object;
        }
        do {
          blanks();
          if (text.charAt(at) != '"') {
            throw error("a key");
          }
          String key = string();
          blanks();
          expect(':');
          object.put(key, value());
          blanks();
        } while (peek(','));
        expect('}');
        return object;
      }
      case '[' -> {
        at++;
        List<Object> array = new ArrayList<>();
        blanks();
        if (peek(']')) {
          return array;
        }
        do {
          array.add(value());
          blanks();
        } while (peek(','));
        expect(']');
        return array;
      }
      case '"' -> {
        return string();
      }
      default -> {
        for (String word : List.of("true", "false", "null")) {
          if (text.startsWith(word, at)) {
            at += word.length();
            return word.equals("null") ? null : Boolean.valueOf(word);
          }
        }
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
          at++;
        }
        try {
          return Double.valueOf(text.substring(start, at));
        } catch (NumberFormatException e) {
          throw error("a value");
        }
      }
    }
  }

  private String string() {
    at++; // the opening quote
    StringBuilder s = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return s.toString();
      }
      if (c == '\\') {
        char e = text.charAt(at++);
        switch (e) {
          case 'n' -> s.append('\n');
          case 'r' -> s.append('\r');
          case 't' -> s.append('\t');
          case 'b' -> s.append('\b');
          case 'f' -> s.append('\f');
          case 'u' -> {
            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> s.append(e);
        }
      } else {
        s.append(c);
      }
    }
    throw error("the end of a string");
  }

  private void blanks() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private boolean peek(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "'");
    }
  }

  private IllegalArgumentException error(String expected) {
    return new IllegalArgumentException("bad JSON at character " + at + ": expected " + expected);
  }
}
