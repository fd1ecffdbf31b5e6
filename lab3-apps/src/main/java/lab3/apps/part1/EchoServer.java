package lab3.apps.part1;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.report.Part1Examples;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Code C: a TCP echo server with {@code SO_REUSEADDR}. It serves one client at a time, reads 16
 * bytes at most per {@code recv}, prints and echoes each chunk, and prints {@code No more data from
 * ...} when the client closes: a read of 0 bytes in Python, -1 in Java.
 */
final class EchoServer extends CliCommand {
  EchoServer() {
    super("part1 echo-server", "", "Code C: TCP echo server, 16-byte reads, SO_REUSEADDR", 0, 0);
  }

  @Override
  protected void options(Options options) {
    options.addOption(Option.builder().longOpt("host").hasArg().desc("default localhost").get());
    options.addOption(Option.builder().longOpt("port").hasArg().desc("default 5002").get());
    options.addOption(
        Option.builder().longOpt("count").hasArg().desc("stop after N clients").get());
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    int port = Args.port("--port", line.getOptionValue("port", "5002"), false);
    int clients = Args.intOption(line, "count", Integer.MAX_VALUE);
    InetAddress host = InetAddress.getByName(line.getOptionValue("host", "localhost"));
    try (ServerSocket server = Part1Examples.echoListen(host, port)) {
      Part1Examples.echoServe(server, clients, io.out());
    }
    return 0;
  }
}
