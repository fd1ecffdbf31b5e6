package lab3.apps.cli;

/** A command line that cannot be run as given: the main prints it with the usage, exit 2. */
public final class UsageException extends Exception {
  private final String usage;

  public UsageException(String message) {
    this(message, null);
  }

  public UsageException(String message, String usage) {
    super(message);
    this.usage = usage;
  }

  /** The command's usage line, or null if not known where it was thrown. */
  public String usage() {
    return usage;
  }
}
