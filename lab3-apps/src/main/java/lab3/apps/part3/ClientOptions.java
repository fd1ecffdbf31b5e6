package lab3.apps.part3;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab3.apps.cli.Args;
import lab3.apps.cli.UsageException;
import lab3.reset.ResetClient;
import lab3.reset.ResetRequest;
import lab3.transport.Resolver;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The options {@code part3} and {@code part3-stats} share, and the client they configure. */
final class ClientOptions {
  private ClientOptions() {}

  static void add(Options options) {
    options.addOption(
        Option.builder()
            .longOpt("timeout")
            .hasArg()
            .argName("seconds")
            .desc("wait this long for an ack before sending again (default 1, as the lab asks)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("n")
            .hasArg()
            .argName("N")
            .desc("send RESET:N (default 20)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("max-rounds")
            .hasArg()
            .argName("K")
            .desc("give up after K unanswered rounds (default: never, as the lab asks)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("resolve")
            .hasArg()
            .argName("HOST=ADDR[,ADDR...]")
            .desc("resolve HOST to these addresses instead of asking the system, like curl")
            .get());
  }

  /** A client configured from the command line; {@code verbose} sends its log to {@code log}. */
  static ResetClient.Builder client(CommandLine line) throws UsageException {
    ResetClient.Builder builder = ResetClient.builder();
    if (line.hasOption("timeout")) {
      double seconds = Args.decimal("--timeout", line.getOptionValue("timeout"));
      if (seconds <= 0 || seconds > 3600) {
        throw new UsageException("--timeout must be more than 0 and at most 3600 seconds");
      }
      builder.timeout(Duration.ofNanos(Math.max(1_000_000, (long) (seconds * 1e9))));
    }
    if (line.hasOption("n")) {
      int n = Args.integer("--n", line.getOptionValue("n"));
      if (n < 0 || n > ResetRequest.MAX_N) {
        throw new UsageException("--n must be between 0 and " + ResetRequest.MAX_N);
      }
      builder.n(n);
    }
    if (line.hasOption("max-rounds")) {
      int rounds = Args.integer("--max-rounds", line.getOptionValue("max-rounds"));
      if (rounds < 1) {
        throw new UsageException("--max-rounds must be 1 or more");
      }
      builder.maxRounds(rounds);
    }
    if (line.hasOption("resolve")) {
      builder.resolver(resolver(line.getOptionValue("resolve")));
    }
    return builder;
  }

  /** {@code HOST=ADDR[,ADDR...]}: that name to those literals, every other name as usual. */
  static Resolver resolver(String spec) throws UsageException {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new UsageException("--resolve must be HOST=ADDR[,ADDR...], got '" + spec + "'");
    }
    String name = spec.substring(0, eq).toLowerCase(Locale.ROOT);
    List<InetAddress> addresses = new ArrayList<>();
    for (String literal : spec.substring(eq + 1).split(",")) {
      String s = literal.strip();
      if (s.startsWith("[") && s.endsWith("]")) {
        s = s.substring(1, s.length() - 1);
      }
      // only literals: getByName then parses without a lookup
      if (s.isEmpty() || !s.matches("[0-9a-fA-F.:]+")) {
        throw new UsageException("--resolve: '" + literal + "' is not an IP address");
      }
      try {
        addresses.add(InetAddress.getByName(s));
      } catch (UnknownHostException e) {
        throw new UsageException("--resolve: '" + literal + "' is not an IP address");
      }
    }
    List<InetAddress> fixed = List.copyOf(addresses);
    return host ->
        host.toLowerCase(Locale.ROOT).equals(name) ? fixed : Resolver.SYSTEM.resolve(host);
  }
}
