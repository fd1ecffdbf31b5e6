package lab3.apps.part5;

import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.part2.Part2Command;
import lab3.apps.part2.PrintingListener;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuResult;
import lab3.transport.Endpoint;
import lab3.ws.WsPmuClient;
import lab3.ws.WsResult;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 part5 <server> <port> <command>}: the PDC of Part 5 over WebSocket, with the
 * graders' command line. stdout: the messages, one per line, or the floodme text followed by one
 * newline, exactly as {@code part2} prints them.
 */
public final class Part5Command extends CliCommand {

  public Part5Command() {
    super(
        "part5",
        "<server> <port> <command>",
        "Part 5: send CMD_short:d or CMD_floodme to a PMU over WebSocket (ws://server:port/),"
            + " print the answer",
        3,
        3);
  }

  @Override
  protected void options(Options options) {
    options.addOption(Part2Command.timeoutOption());
  }

  @Override
  protected String footer() {
    return """
        Examples:
          ./lab3 part5 ::1 5006 CMD_short:0
          ./lab3 part5 tcpip.epfl.ch 5006 CMD_floodme > flood.txt
        Each WebSocket message is one on_message call, however many frames and TCP segments
        carried it. -v prints on_message calls, bytes, the close code and elapsed time to stderr.""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    Endpoint endpoint =
        new Endpoint(positional.get(0), Args.port("port", positional.get(1), false));
    PmuCommand command = PmuCommand.parse(positional.get(2));
    WsPmuClient client = WsPmuClient.builder().readTimeout(Part2Command.timeout(line)).build();
    WsResult result = client.exchange(endpoint, command, new PrintingListener(io.out()));
    if (command instanceof PmuCommand.Floodme) {
      io.out().append('\n');
    }
    io.out().flush();
    if (line.hasOption("verbose")) {
      io.err().println(describe(WsPmuClient.url(endpoint), result));
    }
    return 0;
  }

  /** The -v line: the figures the lab's questions ask about. */
  public static String describe(String url, WsResult result) {
    PmuResult r = result.pmu();
    return String.format(
        "server %s: %s, %d on_message calls, %d bytes, close %d%s, %d ms",
        url,
        r.command() instanceof PmuCommand.Short ? r.messages() + " messages" : "floodme text",
        r.reads(),
        r.bytes(),
        result.closeCode(),
        result.closeReason().isEmpty() ? "" : " (" + result.closeReason() + ")",
        r.elapsed().toMillis());
  }
}
