package lab3.apps.part5;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.Serving;
import lab3.apps.part2.ServePmuCommand;
import lab3.transport.Endpoint;
import lab3.ws.WsPmuServer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 serve-ws}: the WebSocket PMU emulator in the foreground, one log line per session.
 */
public final class ServeWsCommand extends CliCommand {

  public ServeWsCommand() {
    super("serve-ws", "", "run the Part 5 WebSocket PMU emulator (Jetty 12) until Ctrl+C", 0, 0);
  }

  @Override
  protected void options(Options options) {
    options.addOption(
        Option.builder().longOpt("port").hasArg().desc("default 5006; 0 = any free port").build());
    options.addOption(
        Option.builder()
            .longOpt("bind")
            .hasArg()
            .desc("local address, default :: (IPv6 and IPv4)")
            .build());
    options.addOption(
        Option.builder()
            .longOpt("messages")
            .hasArg()
            .argName("N|MIN-MAX")
            .desc("messages per CMD_short session, fixed or random in a range (default 20)")
            .build());
    options.addOption(
        Option.builder()
            .longOpt("text-frames")
            .desc("send text frames instead of binary ones (the lab's server sends binary)")
            .build());
    options.addOption(
        Option.builder()
            .longOpt("frame-bytes")
            .hasArg()
            .argName("N")
            .desc(
                "cut every message longer than N bytes into frames of N bytes (default: one frame)")
            .build());
    options.addOption(
        Option.builder()
            .longOpt("command-timeout")
            .hasArg()
            .argName("seconds")
            .desc("how long a client may take to send its command (default 10)")
            .build());
  }

  @Override
  protected String footer() {
    return """
        Example:
          ./lab3 serve-ws --port 5006 &
          ./lab3 part5 ::1 5006 CMD_short:0
        A bad command gets close code 1008 (policy violation) with the reason; a plain HTTP
        request gets 426 Upgrade Required.""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    WsPmuServer.Builder builder =
        WsPmuServer.builder()
            .port(Args.portOption(line, "port", 5006))
            .textFrames(line.hasOption("text-frames"))
            .log(io.err()::println);
    if (line.hasOption("bind")) {
      builder.bindAddress(InetAddress.getByName(line.getOptionValue("bind")));
    }
    if (line.hasOption("messages")) {
      int[] range = ServePmuCommand.range(line.getOptionValue("messages"));
      builder.messages(range[0], range[1]);
    }
    if (line.hasOption("frame-bytes")) {
      builder.frameBytes(Args.integer("--frame-bytes", line.getOptionValue("frame-bytes")));
    }
    if (line.hasOption("command-timeout")) {
      double s = Args.decimal("--command-timeout", line.getOptionValue("command-timeout"));
      builder.commandTimeout(Duration.ofMillis((long) (s * 1000)));
    }
    try (WsPmuServer server = builder.build().start()) {
      io.out()
          .println(
              "PMU (WebSocket) listening on ws://"
                  + new Endpoint(
                      InetAddresses.toAddrString(server.address().getAddress()), server.port())
                  + "/");
      io.out().flush();
      Serving.untilInterrupted(server);
    }
    return 0;
  }
}
