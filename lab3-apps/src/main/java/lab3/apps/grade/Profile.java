package lab3.apps.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import lab3.pmu.FloodText;

/**
 * How the bench's emulators behave: as the course's servers did ({@link #COURSE}, the default), or
 * as the lab text describes them ({@link #LAB_TEXT}). The evidence for each fact of the course
 * profile is {@code FACTS.md} of the course's artefacts (Python 3.6 bytecode of its servers and of
 * its graders' client, a 2021 grading log), quoted beside each field.
 *
 * @param name {@code course} or {@code lab-text}, as the policy's {@code profile} rule says
 * @param firstMessage the number of the first PMU message. Course: <b>0</b> ("Messages numbered
 *     from 0: This is PMU data 0, ...", FACTS.md, Part 2 2020-2021); lab text: 1 ("i = 1, 2, ...,
 *     n")
 * @param asciiFlood true if {@code CMD_floodme} sends plain ASCII text of about 57 KB (FACTS.md:
 *     "about 57 KB of plain ASCII text (a play), sent with one sendall()"); false for the built-in
 *     scene with multi-byte characters
 */
record Profile(String name, int firstMessage, boolean asciiFlood) {
  /** The course's servers as they behaved (FACTS.md). */
  static final Profile COURSE = new Profile("course", 0, true);

  /** The servers as the lab text describes them. */
  static final Profile LAB_TEXT = new Profile("lab-text", 1, false);

  /** The course's floodme size: about 57 KB (FACTS.md, Part 2). */
  static final int COURSE_FLOOD_BYTES = 57_000;

  /** The profile the policy's {@code profile} rule names. */
  static Profile of(Policy policy) {
    return policy.is("profile", "course") ? COURSE : LAB_TEXT;
  }

  /** The floodme text of this profile. */
  FloodText floodText() {
    return asciiFlood ? CourseFlood.TEXT : FloodText.builtIn();
  }

  /**
   * The course's floodme: the built-in play with every character outside ASCII written in ASCII
   * (curly quotes straight, dashes as hyphens), repeated to about 57 KB and cut at a line's end.
   * Made once, held in a file of its own for the emulators' {@link FloodText#fromFile}.
   */
  private static final class CourseFlood {
    static final FloodText TEXT = make();

    private static FloodText make() {
      String play = ascii(new String(FloodText.builtIn().bytes(), StandardCharsets.UTF_8));
      StringBuilder text = new StringBuilder();
      while (text.length() < COURSE_FLOOD_BYTES) {
        text.append(play);
      }
      int end = text.lastIndexOf("\n", COURSE_FLOOD_BYTES);
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
}
