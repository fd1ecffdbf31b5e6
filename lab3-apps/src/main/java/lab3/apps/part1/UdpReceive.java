package lab3.apps.part1;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.report.Part1Examples;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Code B: a UDP server on every interface that prints each datagram and its source. Like the
 * original it loops forever on a blocking {@code receive}; {@code --count} stops it after N.
 */
final class UdpReceive extends CliCommand {
  UdpReceive() {
    super("part1 udp-recv", "", "Code B: print every UDP datagram received on a port", 0, 0);
  }

  @Override
  protected void options(Options options) {
    options.addOption(Option.builder().longOpt("port").hasArg().desc("default 5001").get());
    options.addOption(
        Option.builder().longOpt("count").hasArg().desc("stop after N datagrams").get());
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    int port = Args.port("--port", line.getOptionValue("port", "5001"), false);
    int count = Args.intOption(line, "count", Integer.MAX_VALUE);
    try (DatagramSocket socket = new DatagramSocket(port)) {
      byte[] buf = new byte[1024];
      for (int i = 0; i < count; i++) {
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        socket.receive(packet);
        String data =
            new String(
                packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.UTF_8);
        io.out().println("Received data:  " + data);
        io.out()
            .println(
                "From Address:  "
                    + Part1Examples.pythonAddress((InetSocketAddress) packet.getSocketAddress()));
        io.out().flush();
      }
    }
    return 0;
  }
}
