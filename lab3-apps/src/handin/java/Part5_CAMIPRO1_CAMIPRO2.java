import java.io.IOException;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.transport.Endpoint;
import lab3.ws.WsPmuClient;

/**
 * Lab 3, Part 5: the PDC of Part 2 over WebSocket ({@code ws://<server>:<port>/}).
 *
 * <pre>
 *   java -cp 'lib/*' Part5_CAMIPRO1_CAMIPRO2.java [&lt;server&gt; &lt;port&gt;] &lt;command&gt;
 *   java -cp 'lib/*' Part5_CAMIPRO1_CAMIPRO2.java ::1 5006 CMD_short:0
 *   java -cp 'lib/*' Part5_CAMIPRO1_CAMIPRO2.java CMD_floodme        (tcpip.epfl.ch, port 5006)
 * </pre>
 *
 * <p>After the HTTP upgrade handshake, the command goes out as one WebSocket text message and every
 * message the PMU sends comes back whole, however many frames and TCP segments carried it: unlike
 * Part 2, there is no stream to cut into messages. Each is printed on a line of its own; the
 * floodme text is one message, printed followed by one newline. The server ends with a close.
 */
public class Part5_CAMIPRO1_CAMIPRO2 {
  static final String DEFAULT_SERVER = "tcpip.epfl.ch";
  static final int DEFAULT_PORT = 5006;

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
      System.err.println("usage: Part5_CAMIPRO1_CAMIPRO2 [<server> <port>] <command>");
      System.err.println("  <command> is CMD_short:d (d seconds between messages) or CMD_floodme");
      System.exit(2);
      return;
    }
    try (WsPmuClient client = WsPmuClient.builder().build()) {
      PmuCommand pmuCommand = PmuCommand.parse(command);
      PmuResult result = client.send(server, pmuCommand, PRINTER);
      if (pmuCommand instanceof PmuCommand.Floodme) {
        System.out.println();
      }
      System.out.flush();
      System.err.println(result.messages() + " message(s) from " + WsPmuClient.url(server));
    } catch (IOException | RuntimeException e) {
      System.out.flush();
      System.err.println(
          "Part5_CAMIPRO1_CAMIPRO2: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
      System.exit(1);
    }
    System.exit(0); // the WebSocket library's threads may linger a moment
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
        "Part5_CAMIPRO1_CAMIPRO2: the port is a number from 1 to 65535, not '" + text + "'");
    System.exit(2);
    return 0;
  }
}
