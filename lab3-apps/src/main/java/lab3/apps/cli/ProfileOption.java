package lab3.apps.cli;

import lab3.netlab.EmulatorProfile;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * The {@code --profile lab-text|course} option of {@code serve} and every {@code serve-*}: its
 * help, and the {@link EmulatorProfile} a command line names.
 */
public final class ProfileOption {
  private ProfileOption() {}

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
   * The profile a command line asks for ({@link EmulatorProfile#LAB_TEXT} when it names none).
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
    try {
      return EmulatorProfile.named(name);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
