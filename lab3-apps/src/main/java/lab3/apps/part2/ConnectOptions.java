package lab3.apps.part2;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab3.apps.cli.Args;
import lab3.apps.cli.Io;
import lab3.apps.cli.UsageException;
import lab3.transport.Family;
import lab3.transport.Resolver;
import lab3.transport.TcpTransport;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * How the PDC commands (part2, part6-pdc) connect: {@code --connect-timeout seconds} (all of a
 * name's addresses together, default 10) and {@code --resolve NAME=ADDR[,ADDR...]} (a name's
 * addresses given by hand, as curl's {@code --resolve}: to try a dual-stack name whose IPv6 path is
 * broken, or a TLS server by the name its certificate holds). With {@code -v} every connection
 * attempt is a line on stderr.
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
    options.addOption(
        Option.builder()
            .longOpt("resolve")
            .hasArg()
            .argName("name=addr[,addr...]")
            .desc("resolve name to these addresses instead of asking the system (repeatable)")
            .get());
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
            .connectTimeout(Duration.ofMillis(Math.max(1, (long) (seconds * 1000))));
    if (line.hasOption("resolve")) {
      tcp.resolver(resolver(line.getOptionValues("resolve")));
    }
    if (verbose) {
      tcp.onAttempt(attempt -> io.err().println(attempt.describe()));
    }
    return tcp.build();
  }

  /** An address literal, never looked up: IPv6 (with or without brackets) or dotted IPv4. */
  private static InetAddress literal(String literal, String value) throws UsageException {
    String bare = literal.replaceAll("^\\[(.*)]$", "$1");
    if (bare.contains(":") || bare.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
      try {
        return InetAddress.getByName(bare); // a literal: parsed, never resolved
      } catch (UnknownHostException e) {
        // malformed: said below
      }
    }
    throw new UsageException(
        "--resolve: '" + literal + "' is not an IPv4 or IPv6 address (in '" + value + "')");
  }

  /** The resolver of {@code --resolve} values: their names by hand, other names by the system. */
  static Resolver resolver(String[] values) throws UsageException {
    Map<String, List<InetAddress>> names = new HashMap<>();
    for (String value : values) {
      int equals = value.indexOf('=');
      if (equals <= 0 || equals == value.length() - 1) {
        throw new UsageException("--resolve takes name=addr[,addr...], got '" + value + "'");
      }
      List<InetAddress> addresses = new ArrayList<>();
      for (String literal : value.substring(equals + 1).split(",", -1)) {
        addresses.add(literal(literal.strip(), value));
      }
      names.put(value.substring(0, equals).strip().toLowerCase(Locale.ROOT), addresses);
    }
    return host -> {
      List<InetAddress> given = names.get(host.toLowerCase(Locale.ROOT));
      return given != null ? given : Resolver.SYSTEM.resolve(host);
    };
  }
}
