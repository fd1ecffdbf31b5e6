package lab3.apps.part3;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.Printable;
import lab3.apps.cli.UsageException;
import lab3.reset.LossStatistics;
import lab3.reset.ResetClient;
import lab3.reset.ResetResult;
import lab3.reset.ResetTimeoutException;
import lab3.transport.Endpoint;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 part3-stats <server> <port>}: the lab's Q15 done for the user. Runs the Part 3
 * client many times, then prints the packets per ack, their histogram next to the geometric law,
 * the loss estimate with its interval, the share of each family and the mean time to ack.
 */
public final class Part3StatsCommand extends CliCommand {
  static final String CSV_HEADER =
      "run,offset,family,packets,time_to_ack_ms,round_trip_ms,acked_at";

  public Part3StatsCommand() {
    super(
        "part3-stats",
        "<server> <port>",
        "Part 3, Q15: run the reset client many times; packets per ack and the loss probability",
        2,
        2);
  }

  @Override
  protected void options(Options options) {
    ClientOptions.add(options);
    options.addOption(
        Option.builder().longOpt("runs").hasArg().argName("R").desc("default 100").get());
    options.addOption(
        Option.builder()
            .longOpt("csv")
            .hasArg()
            .argName("FILE")
            .desc("also write one row per run to FILE")
            .get());
  }

  @Override
  protected String footer() {
    return """
        Example: ./lab3 part3-stats tcpip.epfl.ch 5004 --runs 100 --csv runs.csv
        A run that reaches --max-rounds counts its packets in S and no ack in R.
        Progress goes to stderr, the report to stdout; -v adds every datagram ignored.""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    Endpoint server = new Endpoint(positional.get(0), Args.port("port", positional.get(1), false));
    int runs = Args.intOption(line, "runs", 100);
    if (runs < 1 || runs > 1_000_000) {
      throw new UsageException("--runs must be between 1 and 1000000, got " + runs);
    }
    ResetClient.Builder builder = ClientOptions.client(line);
    if (line.hasOption("verbose")) {
      builder.log(message -> io.err().println("\npart3-stats: " + Printable.line(message)));
    }
    ResetClient client = builder.build();
    LossStatistics stats = new LossStatistics();
    BufferedWriter csv = null;
    try {
      if (line.hasOption("csv")) {
        csv = Files.newBufferedWriter(Path.of(line.getOptionValue("csv")), StandardCharsets.UTF_8);
        csv.write(CSV_HEADER + "\n");
      }
      for (int run = 1; run <= runs; run++) {
        try {
          ResetResult r = client.reset(server);
          stats.add(r);
          row(csv, run, r);
        } catch (ResetTimeoutException e) {
          stats.addGaveUp(e.rounds());
          row(csv, run, e);
        }
        progress(io.err(), run, runs);
      }
    } finally {
      if (csv != null) {
        csv.close();
      }
    }
    io.out().print(StatsReport.format(stats));
    io.out().flush();
    return 0;
  }

  private static void row(BufferedWriter csv, int run, ResetResult r) throws IOException {
    if (csv != null) {
      csv.write(
          String.format(
              Locale.ROOT,
              "%d,%d,%s,%d,%.3f,%.3f,%s%n",
              run,
              r.offset(),
              r.familyName(),
              r.rounds(),
              r.timeToAck().toNanos() / 1e6,
              r.roundTrip().toNanos() / 1e6,
              r.ackedAt()));
    }
  }

  private static void row(BufferedWriter csv, int run, ResetTimeoutException e) throws IOException {
    if (csv != null) {
      csv.write(String.format(Locale.ROOT, "%d,,gave up,%d,,,%n", run, e.rounds()));
    }
  }

  /**
   * {@code [#####.....] 45/100}, redrawn in place on a terminal; at most one update per percent, so
   * that a captured stderr stays short.
   */
  static void progress(PrintStream err, int done, int total) {
    if (done != total && (long) done * 100 / total == (long) (done - 1) * 100 / total) {
      return;
    }
    int width = 30;
    int filled = (int) ((long) done * width / total);
    err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total);
    if (done == total) {
      err.println();
    }
    err.flush();
  }
}
