import java.io.IOException;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.transport.Endpoint;

/**
 * Lab 3, Part 2: the PDC. Sends one command to the PMU over TCP and prints what comes back.
 *
 * <pre>
 *   java -cp 'lib/*' Part2_CAMIPRO1_CAMIPRO2.java [&lt;server&gt; &lt;port&gt;] &lt;command&gt;
 *   java -cp 'lib/*' Part2_CAMIPRO1_CAMIPRO2.java ::1 5003 CMD_short:0
 *   java -cp 'lib/*' Part2_CAMIPRO1_CAMIPRO2.java CMD_floodme        (tcpip.epfl.ch, port 5003)
 * </pre>
 *
 * <p>{@code CMD_short:d} makes the PMU send n short messages, d seconds apart; each is printed on a
 * line of its own. {@code CMD_floodme} makes it send one large text with a single send(); it is
 * printed as it arrives, followed by one newline. The server closes the connection when done.
 *
 * <p>The library ({@code lib/lab3-core-*.jar}, sources beside it) does the socket work: an IPv6
 * socket (an IPv4 server is reached through its IPv4-mapped address), the command sent whole, and
 * reads until the server closes, cutting the byte stream into messages wherever TCP cut it.
 */
public class Part2_CAMIPRO1_CAMIPRO2 {
  static final String DEFAULT_SERVER = "tcpip.epfl.ch";
  static final int DEFAULT_PORT = 5003;

  public static void main(String[] args) {
    Endpoint server;
    String command;
    if (args.length == 1) {
      server = new Endpoint(DEFAULT_SERVER, DEFAULT_PORT);
      command = args[0];
    } else if (args.length == 3) {
      server = new Endpoint(args[0], port(args[1]));
      command = args[2];
    } else {
      System.err.println("usage: Part2_CAMIPRO1_CAMIPRO2 [<server> <port>] <command>");
      System.err.println("  <command> is CMD_short:d (d seconds between messages) or CMD_floodme");
      System.exit(2);
      return;
    }
    try {
      PmuCommand pmuCommand = PmuCommand.parse(command);
      PmuClient client = PmuClient.builder().build();
      PmuResult result = client.send(server, pmuCommand, PRINTER);
      if (pmuCommand instanceof PmuCommand.Floodme) {
        System.out.println(); // the text's own last line may have no newline
      }
      System.out.flush();
      if (result.bytes() == 0) {
        fail(server + " closed the connection without sending anything");
      }
    } catch (IOException | RuntimeException e) {
      fail(e.getMessage() != null ? e.getMessage() : e.toString());
    }
  }

  /** Each message on a line of its own; the floodme text as it comes. */
  static final PmuListener PRINTER =
      new PmuListener() {
        @Override
        public void onMessage(String message) {
          System.out.println(message);
        }

        @Override
        public void onText(CharSequence text) {
          System.out.append(text);
        }
      };

  static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    System.err.println(
        "Part2_CAMIPRO1_CAMIPRO2: the port is a number from 1 to 65535, not '" + text + "'");
    System.exit(2);
    return 0;
  }

  static void fail(String why) {
    System.out.flush();
    System.err.println("Part2_CAMIPRO1_CAMIPRO2: " + why);
    System.exit(1);
  }
}
