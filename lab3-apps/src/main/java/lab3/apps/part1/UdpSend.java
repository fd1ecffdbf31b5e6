package lab3.apps.part1;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Code A: sends one UDP datagram and prints {@code Message sent}. */
final class UdpSend extends CliCommand {
  UdpSend() {
    super("part1 udp-send", "", "Code A: send one UDP datagram to host:port", 0, 0);
  }

  @Override
  protected void options(Options options) {
    options.addOption(Option.builder().longOpt("host").hasArg().desc("default localhost").get());
    options.addOption(Option.builder().longOpt("port").hasArg().desc("default 5001").get());
    options.addOption(
        Option.builder().longOpt("message").hasArg().desc("default 'Hello, Romeo '").get());
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    String host = line.getOptionValue("host", "localhost");
    int port = Args.port("--port", line.getOptionValue("port", "5001"), false);
    byte[] data = line.getOptionValue("message", "Hello, Romeo ").getBytes(StandardCharsets.UTF_8);
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.send(new DatagramPacket(data, data.length, InetAddress.getByName(host), port));
    }
    io.out().println("Message sent");
    io.out().flush();
    return 0;
  }
}
