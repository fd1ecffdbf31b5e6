package lab3.apps.part1;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
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
    try (ServerSocket server = listen(host, port)) {
      serve(server, clients, io.out());
    }
    return 0;
  }

  /** Binds like Code C: SO_REUSEADDR set before bind, backlog 1. */
  static ServerSocket listen(InetAddress host, int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(host, port), 1);
    return server;
  }

  /** Serves {@code clients} clients one after the other. */
  static void serve(ServerSocket server, int clients, PrintStream out) throws IOException {
    for (int served = 0; served < clients; served++) {
      try (Socket connection = server.accept()) {
        String addr = PythonStyle.address((InetSocketAddress) connection.getRemoteSocketAddress());
        InputStream in = connection.getInputStream();
        byte[] buf = new byte[16];
        while (true) {
          int n = in.read(buf);
          String data = n > 0 ? new String(buf, 0, n, StandardCharsets.UTF_8) : "";
          out.println("received: " + data);
          out.flush();
          if (n > 0) {
            connection.getOutputStream().write(buf, 0, n);
          } else {
            out.println("No more data from " + addr);
            out.flush();
            break;
          }
        }
      }
    }
  }
}
