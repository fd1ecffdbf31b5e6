package lab3.apps.part1;

import java.util.List;
import lab3.apps.cli.CommandGroup;

/**
 * {@code ./lab3 part1 <example>}: the lab's four Python examples (Code A to D) in Java, byte for
 * byte compatible with them on the wire.
 */
public final class Part1Command extends CommandGroup {

  public Part1Command() {
    super(
        "part1",
        "the lab's Part 1 examples: udp-send (A), udp-recv (B), echo-server (C), echo-client (D)",
        "example",
        List.of(new UdpSend(), new UdpReceive(), new EchoServer(), new EchoClient()));
  }
}
