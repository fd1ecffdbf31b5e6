package lab3.apps.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab3.transport.Resolver;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * {@code --resolve HOST=ADDR[,ADDR...]} (repeatable), like curl's: a name's addresses given by
 * hand, every other name resolved by the system. To try a dual-stack name on a machine whose {@code
 * localhost} has one address, or a TLS server by the name its certificate holds.
 */
public final class ResolveOption {
  private ResolveOption() {}

  /**
   * The option, for a command's {@code options()}.
   *
   * @return the option
   */
  public static Option option() {
    return Option.builder()
        .longOpt("resolve")
        .hasArg()
        .argName("HOST=ADDR[,ADDR...]")
        .desc(
            "resolve HOST to these addresses instead of asking the system, like curl (repeatable)")
        .get();
  }

  /**
   * The resolver the command line asks for, or {@link Resolver#SYSTEM} without the option.
   *
   * @param line the parsed command line
   * @return the resolver
   * @throws UsageException if a value is not {@code HOST=ADDR[,ADDR...]} with address literals
   */
  public static Resolver resolver(CommandLine line) throws UsageException {
    if (!line.hasOption("resolve")) {
      return Resolver.SYSTEM;
    }
    Map<String, List<InetAddress>> names = new HashMap<>();
    for (String spec : line.getOptionValues("resolve")) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw new UsageException("--resolve must be HOST=ADDR[,ADDR...], got '" + spec + "'");
      }
      List<InetAddress> addresses = new ArrayList<>();
      for (String literal : spec.substring(eq + 1).split(",")) {
        addresses.add(literal(literal));
      }
      names.put(spec.substring(0, eq).strip().toLowerCase(Locale.ROOT), List.copyOf(addresses));
    }
    return host -> {
      List<InetAddress> given = names.get(host.toLowerCase(Locale.ROOT));
      return given != null ? given : Resolver.SYSTEM.resolve(host);
    };
  }

  /** An IPv4 or IPv6 literal (brackets allowed), parsed without a lookup. */
  private static InetAddress literal(String literal) throws UsageException {
    String s = literal.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    // only literals: getByName then parses without a lookup
    if (s.isEmpty() || !s.matches("[0-9a-fA-F.:]+")) {
      throw new UsageException("--resolve: '" + literal + "' is not an IP address");
    }
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      throw new UsageException("--resolve: '" + literal + "' is not an IP address");
    }
  }
}
