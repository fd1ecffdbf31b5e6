import java.io.IOException;
import lab3.reset.ResetClient;
import lab3.reset.ResetResult;
import lab3.transport.Endpoint;

/**
 * Lab 3, Part 3: the PDC that resets the PMU's numbering over UDP.
 *
 * <pre>
 *   java -cp 'lib/*' Part3_CAMIPRO1_CAMIPRO2.java [&lt;server&gt; &lt;port&gt;]
 *   java -cp 'lib/*' Part3_CAMIPRO1_CAMIPRO2.java ::1 5004
 *   java -cp 'lib/*' Part3_CAMIPRO1_CAMIPRO2.java             (tcpip.epfl.ch, port 5004)
 * </pre>
 *
 * <p>Sends {@code RESET:20} until the server acknowledges with {@code OFFSET=X}, and prints that
 * line. UDP may lose the request or the ack, so the client sends again after 1 s of silence; and
 * the server runs on IPv4 or on IPv6 depending on the time of day, so every round goes out on an
 * IPv4 socket and on an IPv6 socket at once and the first valid ack wins, whichever family it came
 * over. The library ({@code lab3.reset.ResetClient}) does both; this program says where.
 */
public class Part3_CAMIPRO1_CAMIPRO2 {
  static final String DEFAULT_SERVER = "tcpip.epfl.ch";
  static final int DEFAULT_PORT = 5004;

  public static void main(String[] args) {
    Endpoint server;
    if (args.length == 0) {
      server = new Endpoint(DEFAULT_SERVER, DEFAULT_PORT);
    } else if (args.length == 2) {
      server = new Endpoint(args[0], port(args[1]));
    } else {
      System.err.println("usage: Part3_CAMIPRO1_CAMIPRO2 [<server> <port>]");
      System.exit(2);
      return;
    }
    try {
      ResetResult result = ResetClient.builder().build().reset(server);
      System.out.println("OFFSET=" + result.offset());
      // Which family answered, and after how many rounds: the lab's questions ask.
      System.err.println(
          "ack over " + result.familyName() + " after " + result.rounds() + " round(s)");
    } catch (IOException | RuntimeException e) {
      System.err.println(
          "Part3_CAMIPRO1_CAMIPRO2: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
      System.exit(1);
    }
  }

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
        "Part3_CAMIPRO1_CAMIPRO2: the port is a number from 1 to 65535, not '" + text + "'");
    System.exit(2);
    return 0;
  }
}
