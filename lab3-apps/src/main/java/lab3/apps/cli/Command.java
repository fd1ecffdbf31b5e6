package lab3.apps.cli;

/** One {@code ./lab3 <name>} command. */
public interface Command {

  /** The word after {@code ./lab3}. */
  String name();

  /** One line for {@code ./lab3 --help}. */
  String summary();

  /**
   * Runs with the arguments after the name, and returns the exit status. Throws {@link
   * UsageException} for a bad command line (exit 2); any other exception becomes one line on stderr
   * and exit 1.
   */
  int run(String[] args, Io io) throws Exception;
}
