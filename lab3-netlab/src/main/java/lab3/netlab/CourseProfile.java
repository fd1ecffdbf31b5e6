package lab3.netlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import lab3.pmu.FloodText;

/**
 * The PMU emulator as the course's server behaved in 2020-2021 ({@code --profile course} of {@code
 * serve-pmu}, and the grading bench's default): messages numbered from {@link #FIRST_MESSAGE} 0,
 * and a floodme of about 57 KB of plain ASCII text. Evidence: FACTS.md of the course's material
 * (the course's Part 2 autograder log of 2021 and the students' published solutions), "Part 2, PMU
 * over TCP".
 */
public final class CourseProfile {
  /** "Messages numbered from 0: This is PMU data 0, This is PMU data 1, ..." (FACTS.md). */
  public static final int FIRST_MESSAGE = 0;

  /** "n between 2 and 17 in the graded runs" (FACTS.md, Part 2): the fewest messages. */
  public static final int MIN_MESSAGES = 2;

  /** The most messages of the course's graded runs (FACTS.md, Part 2). */
  public static final int MAX_MESSAGES = 17;

  /** "CMD_floodme: about 57 KB of plain ASCII text (a play)" (FACTS.md). */
  public static final int FLOOD_BYTES = 57_000;

  private static final FloodText TEXT = make();

  private CourseProfile() {}

  /**
   * The course's floodme: the built-in play with every character outside ASCII written in ASCII
   * (curly quotes straight, dashes as hyphens), repeated to about 57 KB and cut at a line's end.
   * Made once, held in a temporary file for {@link FloodText#fromFile}.
   *
   * @return the text
   */
  public static FloodText floodText() {
    return TEXT;
  }

  private static FloodText make() {
    String play = ascii(new String(FloodText.builtIn().bytes(), StandardCharsets.UTF_8));
    StringBuilder text = new StringBuilder();
    while (text.length() < FLOOD_BYTES) {
      text.append(play);
    }
    int end = text.lastIndexOf("\n", FLOOD_BYTES);
    try {
      Path file = Files.createTempFile("lab3-course-floodme-", ".txt");
      file.toFile().deleteOnExit();
      Files.writeString(file, text.substring(0, end + 1), StandardCharsets.US_ASCII);
      return FloodText.fromFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} in ASCII: typographic quotes and dashes replaced, anything else dropped. */
  static String ascii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\u2018', '\u2019', '\u02bc' -> out.append('\'');
                case '\u201c', '\u201d' -> out.append('"');
                case '\u2013', '\u2014' -> out.append('-');
                case '\u2026' -> out.append("...");
                case '\u00a0' -> out.append(' ');
                default -> {
                  if (c < 128) {
                    out.append((char) c);
                  } else if (Character.isLetter(c)) {
                    String plain =
                        java.text.Normalizer.normalize(
                                new String(Character.toChars(c)), java.text.Normalizer.Form.NFD)
                            .replaceAll("[^\\p{ASCII}]", "");
                    out.append(plain);
                  }
                }
              }
            });
    return out.toString();
  }
}
