package lab3.apps.part3;

import java.time.Duration;
import lab3.apps.cli.Args;
import lab3.apps.cli.ResolveOption;
import lab3.apps.cli.UsageException;
import lab3.reset.ResetClient;
import lab3.reset.ResetRequest;
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
    options.addOption(ResolveOption.option());
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
    return builder.resolver(ResolveOption.resolver(line));
  }
}
