package lab3.apps.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** Parsing of argument values, each failure a {@link UsageException} that names the argument. */
public final class Args {
  private Args() {}

  /** A TCP/UDP port, 1 to 65535 (0 when {@code allowZero}: "pick a free one"). */
  public static int port(String what, String value, boolean allowZero) throws UsageException {
    int port = integer(what, value);
    int min = allowZero ? 0 : 1;
    if (port < min || port > 65535) {
      throw new UsageException(what + " must be between " + min + " and 65535, got " + value);
    }
    return port;
  }

  public static int integer(String what, String value) throws UsageException {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(what + " must be a whole number, got '" + value + "'");
    }
  }

  public static long longInteger(String what, String value) throws UsageException {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(what + " must be a whole number, got '" + value + "'");
    }
  }

  public static double decimal(String what, String value) throws UsageException {
    try {
      double d = Double.parseDouble(value.strip());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new UsageException(what + " must be a number, got '" + value + "'");
    }
  }

  /** An option's integer value, or {@code fallback} when absent. */
  public static int intOption(CommandLine line, String option, int fallback) throws UsageException {
    return line.hasOption(option) ? integer("--" + option, line.getOptionValue(option)) : fallback;
  }

  /** A port given with {@code --option}, or {@code fallback}. 0 allowed: "pick a free port". */
  public static int portOption(CommandLine line, String option, int fallback)
      throws UsageException {
    return line.hasOption(option)
        ? port("--" + option, line.getOptionValue(option), true)
        : fallback;
  }

  /** A file that must exist and be readable. */
  public static Path readableFile(String what, String value) throws UsageException {
    Path path = Path.of(value);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new UsageException(what + ": no readable file at " + value);
    }
    return path;
  }
}
