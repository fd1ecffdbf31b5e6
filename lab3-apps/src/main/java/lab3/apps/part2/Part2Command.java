package lab3.apps.part2;

import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.UsageException;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuResult;
import lab3.transport.Addresses;
import lab3.transport.Endpoint;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 part2 <server> <port> <command>}: the PDC of Part 2, with the graders' command
 * line. stdout: the messages, one per line, or the floodme text followed by one newline.
 */
public final class Part2Command extends CliCommand {

  public Part2Command() {
    super(
        "part2",
        "<server> <port> <command>",
        "Part 2: send CMD_short:d or CMD_floodme to a PMU over TCP (IPv6 socket), print the answer",
        3,
        3);
  }

  @Override
  protected void options(Options options) {
    options.addOption(timeoutOption());
    ConnectOptions.add(options);
  }

  /** {@code --timeout seconds}, shared by the PDC commands (part2, part5). */
  public static Option timeoutOption() {
    return Option.builder()
        .longOpt("timeout")
        .hasArg()
        .argName("seconds")
        .desc("give up when the server is silent this long beyond d (default 30, 0 = never)")
        .get();
  }

  /** The value of {@link #timeoutOption()}: 30 s when absent; zero means never. */
  public static Duration timeout(CommandLine line) throws UsageException {
    double timeout =
        line.hasOption("timeout") ? Args.decimal("--timeout", line.getOptionValue("timeout")) : 30;
    if (timeout < 0) {
      throw new UsageException("--timeout must be zero or positive");
    }
    return Duration.ofMillis((long) (timeout * 1000));
  }

  @Override
  protected String footer() {
    return """
        Examples:
          ./lab3 part2 ::1 5003 CMD_short:0
          ./lab3 part2 tcpip.epfl.ch 5003 CMD_floodme > flood.txt
        The socket is an IPv6 socket: an IPv4 server is reached through its IPv4-mapped address.
        A name's addresses are tried as RFC 8305 says (Happy Eyeballs): IPv6 first, the next
        address 250 ms later or as soon as one fails; the first to connect wins.
          ./lab3 part2 -v --resolve dual.test=fd00::1,127.0.0.1 dual.test 5003 CMD_short:0
        -v prints each connection attempt, read() calls, bytes and elapsed time to stderr.""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    Endpoint endpoint =
        new Endpoint(positional.get(0), Args.port("port", positional.get(1), false));
    PmuCommand command = PmuCommand.parse(positional.get(2));
    boolean verbose = line.hasOption("verbose");
    PmuClient client =
        PmuClient.builder()
            .transport(ConnectOptions.tcp(line, io, verbose))
            .readTimeout(timeout(line))
            .build();
    return sendAndPrint(client, endpoint, command, io, verbose);
  }

  /**
   * Sends {@code command} and prints the answer as graders expect it (stdout: the messages, or the
   * floodme text and one newline); {@code verbose} adds the figures on stderr. Parts 2 and 6.
   */
  public static int sendAndPrint(
      PmuClient client, Endpoint endpoint, PmuCommand command, Io io, boolean verbose)
      throws IOException {
    PmuResult result = client.send(endpoint, command, new PrintingListener(io.out()));
    if (result.bytes() == 0) {
      // Every answer of a PMU has at least one byte (a message, the text, or ERROR...): an
      // orderly close with nothing sent is a server that gave up (a TLS server whose handshake
      // timed out on its side after the client's had ended, say), not an empty floodme.
      throw new EOFException(
          Addresses.format(result.server()) + " closed the connection without sending anything");
    }
    if (command instanceof PmuCommand.Floodme) {
      io.out().append('\n');
    }
    io.out().flush();
    if (verbose) {
      io.err().println(describe(result));
    }
    return 0;
  }

  /** The -v line: the figures the lab's questions ask about. */
  public static String describe(PmuResult r) {
    return String.format(
        "server %s: %s, %d read() calls, %d bytes, %d ms",
        Addresses.format(r.server()),
        r.command() instanceof PmuCommand.Short ? r.messages() + " messages" : "floodme text",
        r.reads(),
        r.bytes(),
        r.elapsed().toMillis());
  }
}
