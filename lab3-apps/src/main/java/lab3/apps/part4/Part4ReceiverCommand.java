package lab3.apps.part4;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.Printable;
import lab3.multicast.MulticastChannel;
import lab3.multicast.MulticastMessage;
import lab3.transport.Addresses;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 part4-receiver <group> <port>}: the multicast receiver of Part 4.1. stdout: one
 * line per message, {@code <id>: <text>}, flushed at once; with {@code -v}, stderr says when the
 * group is joined and warns of malformed datagrams.
 */
public final class Part4ReceiverCommand extends CliCommand {

  public Part4ReceiverCommand() {
    super(
        "part4-receiver",
        "<group> <port>",
        "Part 4.1: join a multicast group and print every message as <id>: <text>",
        2,
        2);
  }

  @Override
  protected void options(Options options) {
    MulticastOptions.addInterface(options);
    options.addOption(
        Option.builder()
            .longOpt("count")
            .hasArg()
            .argName("N")
            .desc("stop after N messages")
            .get());
  }

  @Override
  protected String footer() {
    return """
        Examples:
          ./lab3 part4-receiver 224.1.1.1 5005
          ./lab3 part4-receiver 224.1.1.1 5005 --interface wlan0   # the lab's Wi-Fi
        """
        + MulticastOptions.SAFE_DEFAULT
        + """

        A line break at the end of a text is not printed; one inside it is.
        Runs until Ctrl+C (or --count messages).""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    int port = Args.port("port", positional.get(1), false);
    int count = Args.intOption(line, "count", Integer.MAX_VALUE);
    boolean verbose = line.hasOption("verbose");
    try (MulticastChannel channel =
        MulticastChannel.builder()
            .group(positional.get(0))
            .port(port)
            .networkInterface(MulticastOptions.networkInterface(line))
            .open()
            .join()) {
      if (verbose) {
        io.err().println("joined " + channel);
      }
      boolean gone = false;
      for (int i = 0; i < count; ) {
        MulticastMessage m;
        try {
          m = channel.receive(QUIET);
        } catch (SocketTimeoutException quiet) {
          gone = checkInterface(channel, io, gone);
          continue;
        }
        if (gone) { // datagrams again, maybe thanks to another program's membership: check ours
          gone = checkInterface(channel, io, true);
        }
        i++;
        if (verbose && !m.wellFormed()) {
          io.err()
              .println(
                  "warning: datagram from "
                      + Addresses.format(m.source())
                      + ": "
                      + Printable.line(String.join("; ", m.warnings())));
        }
        io.out().append(m.id()).append(": ").append(stripTrailingLineBreaks(m.text())).append('\n');
        io.out().flush();
      }
    }
    return 0;
  }

  /**
   * After this long without a datagram the receiver looks whether its interface was removed and
   * made again (the kernel then drops the membership silently: nothing would ever arrive again).
   * Datagrams may also come back without our membership: Linux delivers a group joined by any
   * program on the interface to every socket bound to the port (IP_MULTICAST_ALL), so after a
   * "gone" the next datagram makes the receiver check too.
   */
  static final Duration QUIET = Duration.ofSeconds(1);

  /**
   * Joins the group again if the interface was made again; says so on stderr, and says once that
   * the interface is gone while it is. Returns whether it is gone now.
   */
  private static boolean checkInterface(MulticastChannel channel, Io io, boolean wasGone) {
    String name = channel.networkInterface().getName();
    try {
      if (channel.rejoinIfInterfaceChanged()) {
        io.err()
            .println("part4-receiver: " + name + " was made again: joined " + channel + " again");
      } else if (wasGone) {
        io.err().println("part4-receiver: " + name + " is back");
      }
      return false;
    } catch (IOException e) {
      if (!wasGone) {
        io.err()
            .println(
                "part4-receiver: "
                    + Printable.line(e.getMessage())
                    + ": waiting for it to come back");
      }
      return true;
    }
  }

  static String stripTrailingLineBreaks(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }
}
