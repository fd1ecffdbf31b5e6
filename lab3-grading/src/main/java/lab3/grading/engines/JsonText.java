package lab3.grading.engines;

import java.util.List;
import java.util.Map;
import lab3.report.Json;

/**
 * Writes what {@link Json#parse} reads: maps (in their order), lists, strings, numbers, booleans
 * and null, indented two spaces, so that an engine's results file is a value built as data and
 * written once. A whole number is written without a fraction ({@code 13}, not {@code 13.0}).
 */
final class JsonText {
  private JsonText() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out, String indent) {
    switch (value) {
      case null -> out.append("null");
      case String s -> out.append(Json.quote(s));
      case Boolean b -> out.append(b);
      case Double d when d == Math.rint(d) && !d.isInfinite() -> out.append(d.longValue());
      case Float f when f == Math.rint(f) && !f.isInfinite() -> out.append(f.longValue());
      case Number n -> out.append(n);
      case Map<?, ?> map -> {
        if (map.isEmpty()) {
          out.append("{}");
          return;
        }
        out.append("{\n");
        String sep = "";
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.append(sep).append(indent).append("  ").append(Json.quote(e.getKey().toString()));
          out.append(": ");
          write(e.getValue(), out, indent + "  ");
          sep = ",\n";
        }
        out.append('\n').append(indent).append('}');
      }
      case List<?> list -> {
        if (list.isEmpty()) {
          out.append("[]");
          return;
        }
        out.append("[\n");
        String sep = "";
        for (Object item : list) {
          out.append(sep).append(indent).append("  ");
          write(item, out, indent + "  ");
          sep = ",\n";
        }
        out.append('\n').append(indent).append(']');
      }
      default ->
          throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }
}
