package lab3.apps.part1;

import java.util.Arrays;
import java.util.List;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Command;
import lab3.apps.cli.Io;
import lab3.apps.cli.UsageException;

/**
 * {@code ./lab3 part1 <example>}: the lab's four Python examples (Code A to D) in Java, byte for
 * byte compatible with them on the wire.
 */
public final class Part1Command implements Command {
  private final List<CliCommand> examples =
      List.of(new UdpSend(), new UdpReceive(), new EchoServer(), new EchoClient());

  @Override
  public String name() {
    return "part1";
  }

  @Override
  public String summary() {
    return "the lab's Part 1 examples: udp-send (A), udp-recv (B), echo-server (C), echo-client (D)";
  }

  @Override
  public int run(String[] args, Io io) throws Exception {
    if (args.length == 0) {
      throw new UsageException(
          "missing the example to run: udp-send, udp-recv, echo-server or echo-client",
          "usage: lab3 part1 <example>");
    }
    if (args[0].equals("--help") || args[0].equals("-h")) {
      StringBuilder text = new StringBuilder("usage: lab3 part1 <example> [options]\n\n");
      text.append(summary()).append("\n\n");
      for (CliCommand example : examples) {
        text.append("  ").append(String.format("%-12s", example.name().substring(6)));
        text.append(example.summary()).append('\n');
      }
      io.out().print(text);
      io.out().flush();
      return 0;
    }
    for (CliCommand example : examples) {
      if (example.name().equals("part1 " + args[0])) {
        return example.run(Arrays.copyOfRange(args, 1, args.length), io);
      }
    }
    throw new UsageException(
        "unknown example '"
            + args[0]
            + "': expected udp-send, udp-recv, echo-server or echo-client",
        "usage: lab3 part1 <example>");
  }
}
