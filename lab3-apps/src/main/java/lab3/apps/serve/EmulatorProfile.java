package lab3.apps.serve;

import java.util.Locale;
import lab3.apps.cli.UsageException;
import lab3.pmu.FloodText;
import lab3.reset.ResetProfile;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * {@code --profile lab-text|course} of {@code serve} and every {@code serve-*}: the emulators as
 * the lab text describes the servers ({@link #LAB_TEXT}, the default of the commands) or as the
 * course's servers behaved ({@link #COURSE}, the default of the grading bench). The course's facts
 * are those of FACTS.md of the course's material; each command's {@code --help} says which of them
 * it changes.
 */
public enum EmulatorProfile {
  /** As the lab text describes the servers. */
  LAB_TEXT,

  /** As the course's servers behaved (FACTS.md). */
  COURSE;

  /** The option's name. */
  public static final String OPTION = "profile";

  /**
   * The {@code --profile} option, described by what {@code changes} in the course profile.
   *
   * @param changes what the course profile changes for this command, citing FACTS.md
   * @return the option
   */
  public static Option option(String changes) {
    return Option.builder()
        .longOpt(OPTION)
        .hasArg()
        .argName("lab-text|course")
        .desc(
            "lab-text (default): the servers as the lab text describes them; course: as the"
                + " course's own servers behaved (facts from FACTS.md of the course's material): "
                + changes)
        .get();
  }

  /**
   * The profile a command line asks for ({@link #LAB_TEXT} when it names none).
   *
   * @param line the parsed command line
   * @return the profile
   * @throws UsageException for a name other than {@code lab-text} or {@code course}
   */
  public static EmulatorProfile of(CommandLine line) throws UsageException {
    return named(line.getOptionValue(OPTION, "lab-text"));
  }

  /**
   * The profile named {@code name}.
   *
   * @param name {@code lab-text} or {@code course}
   * @return the profile
   * @throws UsageException for any other name
   */
  public static EmulatorProfile named(String name) throws UsageException {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "lab-text" -> LAB_TEXT;
      case "course" -> COURSE;
      default -> throw new UsageException("--profile is lab-text or course, not '" + name + "'");
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
