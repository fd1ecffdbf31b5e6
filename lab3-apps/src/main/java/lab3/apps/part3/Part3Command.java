package lab3.apps.part3;

import java.util.List;
import java.util.Locale;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.Printable;
import lab3.reset.ResetClient;
import lab3.reset.ResetResult;
import lab3.transport.Addresses;
import lab3.transport.Endpoint;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 part3 <server> <port>}: the PDC of Part 3, with the graders' command line. stdout:
 * {@code OFFSET=X} alone on one line.
 */
public final class Part3Command extends CliCommand {

  public Part3Command() {
    super(
        "part3",
        "<server> <port>",
        "Part 3: send RESET:20 over UDP on IPv4 and IPv6 at once until OFFSET=X comes back",
        2,
        2);
  }

  @Override
  protected void options(Options options) {
    ClientOptions.add(options);
  }

  @Override
  protected String footer() {
    return """
        Examples:
          ./lab3 part3 tcpip.epfl.ch 5004
          ./lab3 part3 -v --resolve pmu.test=127.0.0.1,::1 pmu.test 5004
        Every round goes to every address of the server, on an IPv4 and an IPv6 socket; the first
        well-formed ack from an address and port a request went to wins.
        -v prints the family that answered, when, the rounds sent, the time to the ack and the
        round trip to stderr, and every datagram ignored on the way.""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    Endpoint server = new Endpoint(positional.get(0), Args.port("port", positional.get(1), false));
    ResetClient.Builder builder = ClientOptions.client(line);
    if (line.hasOption("verbose")) {
      builder.log(message -> io.err().println("part3: " + Printable.line(message)));
    }
    ResetResult result = builder.build().reset(server);
    io.out().println("OFFSET=" + result.offset());
    io.out().flush();
    if (line.hasOption("verbose")) {
      io.err().println(describe(result));
      if (result.answeredAnEarlierRound()) {
        io.err().println(warning(result));
      }
    }
    return 0;
  }

  /**
   * The -v line: the lab's Q14 (when, which family) and the figures of Q15; the round trip is that
   * of the round the ack answered.
   */
  public static String describe(ResetResult r) {
    return String.format(
        Locale.ROOT,
        "ack over %s from %s at %s: %d round%s (packets), the ack answered round %d,"
            + " %.3f s to the ack, round trip %.3f ms",
        r.familyName(),
        Addresses.format(r.server()),
        r.ackedAt(),
        r.rounds(),
        r.rounds() == 1 ? "" : "s",
        r.answeredRound(),
        r.timeToAck().toNanos() / 1e9,
        r.roundTrip().toNanos() / 1e6);
  }

  /** The -v warning when the ack answered an earlier round than the last one sent. */
  static String warning(ResetResult r) {
    return String.format(
        Locale.ROOT,
        "part3: warning: the ack answered round %d, not the last one sent (%d): the round trip is"
            + " longer than the time-out, and the server may have applied a later round's RESET"
            + " after this answer, so the offset in force may not be OFFSET=%d",
        r.answeredRound(),
        r.rounds(),
        r.offset());
  }
}
