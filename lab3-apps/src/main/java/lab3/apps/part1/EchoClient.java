package lab3.apps.part1;

import java.net.Socket;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.report.Part1Examples;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Code D: sends the Romeo line, reads the echo back 8 bytes at most per {@code recv}, printing each
 * read, then stays connected until Ctrl+C (the original spins in {@code while True: pass}; this one
 * blocks without burning a core). {@code --exit} closes instead.
 */
final class EchoClient extends CliCommand {
  EchoClient() {
    super("part1 echo-client", "", "Code D: send a line, read the echo in 8-byte reads", 0, 0);
  }

  @Override
  protected void options(Options options) {
    options.addOption(Option.builder().longOpt("host").hasArg().desc("default localhost").get());
    options.addOption(Option.builder().longOpt("port").hasArg().desc("default 5002").get());
    options.addOption(
        Option.builder().longOpt("message").hasArg().desc("default the Romeo line").get());
    options.addOption(
        Option.builder().longOpt("exit").desc("close after the echo instead of waiting").get());
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    String host = line.getOptionValue("host", "localhost");
    int port = Args.port("--port", line.getOptionValue("port", "5002"), false);
    String message = line.getOptionValue("message", Part1Examples.ROMEO);
    try (Socket socket = new Socket(host, port)) {
      Part1Examples.echoExchange(socket, message, io.out());
      if (!line.hasOption("exit")) {
        new CountDownLatch(1).await(); // until Ctrl+C, connection open, like the original
      }
    }
    return 0;
  }
}
