package lab3.apps.part2;

import java.time.Duration;
import lab3.apps.cli.Args;
import lab3.apps.cli.Io;
import lab3.apps.cli.ResolveOption;
import lab3.apps.cli.UsageException;
import lab3.transport.Family;
import lab3.transport.TcpTransport;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * How the PDC commands (part2, part6-pdc) connect: {@code --connect-timeout seconds} (all of a
 * name's addresses together, default 10) and {@link ResolveOption --resolve} (to try a dual-stack
 * name whose IPv6 path is broken, or a TLS server by the name its certificate holds). With {@code
 * -v} every connection attempt is a line on stderr.
 */
public final class ConnectOptions {
  private ConnectOptions() {}

  /**
   * Adds the options to {@code options}.
   *
   * @param options a command's options
   */
  public static void add(Options options) {
    options.addOption(
        Option.builder()
            .longOpt("connect-timeout")
            .hasArg()
            .argName("seconds")
            .desc("give up connecting after this long, all addresses together (default 10)")
            .get());
    options.addOption(ResolveOption.option());
  }

  /**
   * A TCP transport as the options ask: every address of a name (IPv6 first, Happy Eyeballs), the
   * connect time-out, the names given by {@code --resolve}, attempts on stderr when {@code
   * verbose}.
   *
   * @param line the parsed command line
   * @param io where {@code -v} lines go
   * @param verbose whether to print every attempt
   * @return the transport
   * @throws UsageException if an option's value is malformed
   */
  public static TcpTransport tcp(CommandLine line, Io io, boolean verbose) throws UsageException {
    double seconds =
        line.hasOption("connect-timeout")
            ? Args.decimal("--connect-timeout", line.getOptionValue("connect-timeout"))
            : 10;
    if (seconds <= 0) {
      throw new UsageException("--connect-timeout must be positive");
    }
    TcpTransport.Builder tcp =
        TcpTransport.builder()
            .family(Family.ANY)
            .resolver(ResolveOption.resolver(line))
            .connectTimeout(Duration.ofMillis(Math.max(1, (long) (seconds * 1000))));
    if (verbose) {
      tcp.onAttempt(attempt -> io.err().println(attempt.describe()));
    }
    return tcp.build();
  }
}
