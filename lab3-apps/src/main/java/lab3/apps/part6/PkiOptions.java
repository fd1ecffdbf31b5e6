package lab3.apps.part6;

import java.security.KeyPair;
import lab3.apps.cli.Args;
import lab3.apps.cli.Io;
import lab3.apps.cli.UsageException;
import lab3.pki.KeyPairs;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The options the pki sub-commands share: {@code --algorithm}, {@code --bits}, {@code --days}. */
final class PkiOptions {
  private PkiOptions() {}

  /**
   * An option with a value that must be given, e.g. {@code --out FILE}. Checked by {@link #value}
   * rather than by the parser, so that {@code --help} works without it.
   */
  static void required(Options options, String name, String argName, String description) {
    options.addOption(
        Option.builder()
            .longOpt(name)
            .hasArg()
            .argName(argName)
            .desc(description + " (required)")
            .get());
  }

  /** The value of a {@link #required} option. */
  static String value(CommandLine line, String name) throws UsageException {
    if (!line.hasOption(name)) {
      throw new UsageException("missing --" + name);
    }
    return line.getOptionValue(name);
  }

  static void keyOptions(Options options) {
    options.addOption(
        Option.builder().longOpt("algorithm").hasArg().argName("rsa|ec").desc("default rsa").get());
    options.addOption(
        Option.builder()
            .longOpt("bits")
            .hasArg()
            .argName("N")
            .desc("RSA: default 2048 (1024 accepted, weak); EC: 256 (default), 384 or 521")
            .get());
  }

  static void daysOption(Options options, int fallback) {
    options.addOption(
        Option.builder()
            .longOpt("days")
            .hasArg()
            .argName("N")
            .desc("validity in days (default " + fallback + ")")
            .get());
  }

  static int days(CommandLine line, int fallback) throws UsageException {
    int days = Args.intOption(line, "days", fallback);
    if (days < 1) {
      throw new UsageException("--days must be at least 1, got " + days);
    }
    return days;
  }

  /** A new key pair as the options ask; a weak one is made, with a warning on stderr. */
  static KeyPair generate(CommandLine line, Io io) throws UsageException {
    String algorithm = line.getOptionValue("algorithm", "rsa").toLowerCase(java.util.Locale.ROOT);
    KeyPair keys =
        switch (algorithm) {
          case "rsa" -> KeyPairs.rsa(Args.intOption(line, "bits", KeyPairs.RSA_RECOMMENDED_BITS));
          case "ec" -> KeyPairs.ec(Args.intOption(line, "bits", 256));
          default ->
              throw new UsageException("--algorithm must be rsa or ec, got '" + algorithm + "'");
        };
    warnIfWeak(keys.getPrivate(), io);
    return keys;
  }

  /** A weak key works with Java clients, but OpenSSL-based ones refuse it: say so. */
  static void warnIfWeak(java.security.Key key, Io io) {
    if (KeyPairs.isWeak(key)) {
      io.err()
          .println(
              "warning: "
                  + KeyPairs.describe(key)
                  + " is weak (the lab's 'genrsa 1024'): openssl s_client and Python's ssl refuse"
                  + " it at their default security level; use "
                  + KeyPairs.RSA_RECOMMENDED_BITS
                  + " bits or more");
    }
  }
}
