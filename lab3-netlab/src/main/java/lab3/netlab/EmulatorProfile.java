package lab3.netlab;

import java.util.Locale;
import lab3.pmu.FloodText;
import lab3.reset.ResetProfile;

/**
 * The emulators' profile ({@code --profile lab-text|course} of {@code serve} and every {@code
 * serve-*}, read by {@code lab3.apps.cli.ProfileOption}): the emulators as the lab text describes
 * the servers ({@link #LAB_TEXT}, the default of the commands) or as the course's servers behaved
 * ({@link #COURSE}, the default of the grading bench). The course's facts are those of FACTS.md of
 * the course's material; each command's {@code --help} says which of them it changes.
 */
public enum EmulatorProfile {
  /** As the lab text describes the servers. */
  LAB_TEXT,

  /** As the course's servers behaved (FACTS.md). */
  COURSE;

  /**
   * The profile named {@code name}.
   *
   * @param name {@code lab-text} or {@code course}
   * @return the profile
   * @throws IllegalArgumentException for any other name
   */
  public static EmulatorProfile named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "lab-text" -> LAB_TEXT;
      case "course" -> COURSE;
      default ->
          throw new IllegalArgumentException("--profile is lab-text or course, not '" + name + "'");
    };
  }

  /**
   * How the reset PMU answers under this profile.
   *
   * @return {@link ResetProfile#COURSE} or {@link ResetProfile#LAB_TEXT}
   */
  public ResetProfile reset() {
    return this == COURSE ? ResetProfile.COURSE : ResetProfile.LAB_TEXT;
  }

  /**
   * The number of the PMU's first message: 0 for the course ("Messages numbered from 0", FACTS.md,
   * Part 2), 1 for the lab text.
   *
   * @return 0 or 1
   */
  public int firstMessage() {
    return this == COURSE ? CourseProfile.FIRST_MESSAGE : 1;
  }

  /**
   * The floodme text: about 57 KB of plain ASCII for the course (FACTS.md, Part 2), the built-in
   * scene for the lab text.
   *
   * @return the text {@code CMD_floodme} sends
   */
  public FloodText floodText() {
    return this == COURSE ? CourseProfile.floodText() : FloodText.builtIn();
  }

  /**
   * {@code lab-text} or {@code course}.
   *
   * @return the name used on command lines
   */
  public String label() {
    return reset().label();
  }
}
