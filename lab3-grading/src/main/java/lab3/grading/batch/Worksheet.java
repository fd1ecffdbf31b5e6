package lab3.grading.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle's offline grading worksheet, filled in place: only the Grade and Feedback comments cells
 * of matched rows change; every other byte (headers in the site's language, quoting, line ends, the
 * Identifier and Last modified columns) stays as it was.
 *
 * <p>The columns are found by the worksheet's structure, which is the same in every language:
 * Moodle writes "Identifier" first, then names and identity fields, Status, <b>Grade</b>, Maximum
 * Grade, ... and "Feedback comments" last. The Maximum Grade column is the first whose cells all
 * hold one same number and whose left neighbour holds only numbers or nothing: the Grade column is
 * that neighbour; Feedback comments is the last column. {@code --grade-column} and {@code
 * --feedback-column} (a header, or a 1-based column number) override either. A row is matched by
 * the number in its Identifier ("Participant 1234", "Participant·e 1234") to the participant id of
 * a download folder.
 */
public final class Worksheet {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");
  private static final Pattern ID = Pattern.compile("([0-9]+)\\s*$");

  /** One field as written (raw, quotes included) and its value. */
  private record Field(String raw, String value) {}

  /** One record and what ended it (a line end, or nothing at the end of the file). */
  private record Row(List<Field> fields, String end) {}

  private Worksheet() {}

  /** Every row's cells, the header first. */
  public static List<List<String>> cells(String csv) {
    String body = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    return parse(body).stream()
        .map(r -> r.fields().stream().map(Field::value).toList())
        .filter(r -> !r.isEmpty())
        .toList();
  }

  /** The worksheet's grade and feedback column numbers (0-based). */
  record Columns(int grade, int feedback, int maxGrade) {}

  /**
   * Fills {@code csv}. {@code grade} gives, for a row (its participant id and all its cells), the
   * grade out of the worksheet's maximum and the feedback, or null to leave the row alone.
   */
  public static String fill(
      String csv,
      String gradeColumn,
      String feedbackColumn,
      java.util.function.BiFunction<String, List<String>, Map.Entry<Double, String>> grade) {
    String bom = csv.startsWith("\uFEFF") ? "\uFEFF" : "";
    List<Row> rows = parse(csv.substring(bom.length()));
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the worksheet is empty");
    }
    Columns columns = columns(rows, gradeColumn, feedbackColumn);
    StringBuilder out = new StringBuilder(bom);
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      List<Field> fields = row.fields();
      Map.Entry<Double, String> g = null;
      if (r > 0 && !fields.isEmpty()) {
        Matcher id = ID.matcher(fields.get(0).value());
        g = grade.apply(id.find() ? id.group(1) : null, fields.stream().map(Field::value).toList());
      }
      for (int c = 0; c < fields.size(); c++) {
        if (c > 0) {
          out.append(',');
        }
        if (g != null && c == columns.grade()) {
          out.append(quoted(format(g.getKey() * maxGrade(fields, columns), fields, columns)));
        } else if (g != null && c == columns.feedback()) {
          out.append(quoted(g.getValue()));
        } else {
          out.append(fields.get(c).raw());
        }
      }
      out.append(row.end());
    }
    return out.toString();
  }

  private static double maxGrade(List<Field> fields, Columns columns) {
    if (columns.maxGrade() < 0 || columns.maxGrade() >= fields.size()) {
      return 1;
    }
    String v = fields.get(columns.maxGrade()).value().strip();
    return NUMBER.matcher(v).matches() ? Double.parseDouble(v.replace(',', '.')) : 1;
  }

  /** A grade written as the worksheet writes its numbers (two decimals, its decimal mark). */
  private static String format(double value, List<Field> fields, Columns columns) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    String sample =
        columns.maxGrade() >= 0 && columns.maxGrade() < fields.size()
            ? fields.get(columns.maxGrade()).value()
            : "";
    return sample.contains(",") ? text.replace('.', ',') : text;
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  static Columns columns(List<Row> rows, String gradeColumn, String feedbackColumn) {
    List<String> header = rows.get(0).fields().stream().map(Field::value).toList();
    int width = header.size();
    int max = -1;
    for (int c = 1; c < width && max < 0; c++) {
      if (allSameNumber(rows, c) && onlyNumbersOrEmpty(rows, c - 1)) {
        max = c;
      }
    }
    int grade = gradeColumn != null ? column(header, gradeColumn) : max - 1;
    int feedback = feedbackColumn != null ? column(header, feedbackColumn) : width - 1;
    if (grade < 0) {
      throw new IllegalArgumentException(
          "cannot tell the worksheet's Grade column (no Maximum Grade column found): name it with"
              + " --grade-column");
    }
    if (grade == feedback) {
      throw new IllegalArgumentException("the Grade and Feedback columns are the same column");
    }
    return new Columns(grade, feedback, gradeColumn != null ? grade + 1 : max);
  }

  private static int column(List<String> header, String name) {
    if (name.matches("[0-9]+")) {
      int n = Integer.parseInt(name) - 1;
      if (n < 0 || n >= header.size()) {
        throw new IllegalArgumentException("the worksheet has no column " + name);
      }
      return n;
    }
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("the worksheet has no column '" + name + "': " + header);
    }
    return i;
  }

  private static boolean allSameNumber(List<Row> rows, int c) {
    String first = null;
    for (Row row : rows.subList(1, rows.size())) {
      if (row.fields().size() <= 1) {
        continue;
      }
      if (c >= row.fields().size()) {
        return false;
      }
      String v = row.fields().get(c).value().strip();
      if (!NUMBER.matcher(v).matches() || (first != null && !first.equals(v))) {
        return false;
      }
      first = v;
    }
    return first != null;
  }

  private static boolean onlyNumbersOrEmpty(List<Row> rows, int c) {
    for (Row row : rows.subList(1, rows.size())) {
      if (row.fields().size() <= 1) {
        continue;
      }
      String v = c < row.fields().size() ? row.fields().get(c).value().strip() : "";
      if (!v.isEmpty() && !NUMBER.matcher(v).matches() && !v.equals("-")) {
        return false;
      }
    }
    return true;
  }

  /** RFC 4180 records, each field kept raw as well as decoded. */
  private static List<Row> parse(String csv) {
    List<Row> rows = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    int i = 0;
    int n = csv.length();
    while (i < n) {
      int start = i;
      StringBuilder value = new StringBuilder();
      if (csv.charAt(i) == '"') {
        i++;
        while (i < n) {
          char c = csv.charAt(i);
          if (c == '"') {
            if (i + 1 < n && csv.charAt(i + 1) == '"') {
              value.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            value.append(c);
            i++;
          }
        }
      }
      while (i < n && csv.charAt(i) != ',' && csv.charAt(i) != '\n' && csv.charAt(i) != '\r') {
        value.append(csv.charAt(i++));
      }
      fields.add(new Field(csv.substring(start, i), value.toString()));
      if (i < n && csv.charAt(i) == ',') {
        i++;
        if (i == n) {
          fields.add(new Field("", ""));
        }
        continue;
      }
      int endStart = i;
      if (i < n && csv.charAt(i) == '\r') {
        i++;
      }
      if (i < n && csv.charAt(i) == '\n') {
        i++;
      }
      rows.add(new Row(fields, csv.substring(endStart, i)));
      fields = new ArrayList<>();
    }
    if (!fields.isEmpty()) {
      rows.add(new Row(fields, ""));
    }
    return rows;
  }
}
