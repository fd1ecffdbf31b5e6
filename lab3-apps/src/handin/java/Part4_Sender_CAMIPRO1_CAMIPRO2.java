import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import lab3.multicast.MulticastChannel;

/**
 * Lab 3, Part 4.2: the multicast sender. Reads lines from the keyboard (stdin) and sends each to
 * the group as one datagram: the 6-digit CAMIPRO number, then the text. Ends at end of input
 * (Ctrl+D).
 *
 * <pre>
 *   java -cp 'lib/*' Part4_Sender_CAMIPRO1_CAMIPRO2.java [[&lt;group&gt; &lt;port&gt;] &lt;camipro&gt; [&lt;interface&gt;]]
 *   java -cp 'lib/*' Part4_Sender_CAMIPRO1_CAMIPRO2.java 224.1.1.1 5005 CAMIPRO2 &lt; opinion.txt
 *   java -cp 'lib/*' Part4_Sender_CAMIPRO1_CAMIPRO2.java 224.1.1.1 5005 CAMIPRO1 wlan0   (the lab's Wi-Fi)
 *   java -cp 'lib/*' Part4_Sender_CAMIPRO1_CAMIPRO2.java          (224.1.1.1:5005 as CAMIPRO1)
 * </pre>
 *
 * <p>Sending to a group needs no membership; the socket options that matter are the interface the
 * datagrams leave by (the loopback one here, so nothing reaches a network by accident: the
 * library's default) and the TTL (1: the group's traffic stays on the link).
 */
public class Part4_Sender_CAMIPRO1_CAMIPRO2 {

  public static void main(String[] args) {
    String camipro = "CAMIPRO1";
    MulticastChannel.Builder builder = MulticastChannel.builder(); // 224.1.1.1:5005 on lo, TTL 1
    try {
      if (args.length == 3 || args.length == 4) {
        builder.group(args[0]).port(port(args[1]));
        camipro = args[2];
        if (args.length == 4) {
          builder.networkInterface(args[3]);
        }
      } else if (args.length == 1) {
        camipro = args[0];
      } else if (args.length != 0) {
        System.err.println(
            "usage: Part4_Sender_CAMIPRO1_CAMIPRO2 [[<group> <port>] <camipro> [<interface>]]");
        System.exit(2);
      }
      if (!camipro.matches("[0-9]{6}")) {
        System.err.println("Part4_Sender_CAMIPRO1_CAMIPRO2: a CAMIPRO number has 6 digits");
        System.exit(2);
      }
      BufferedReader keyboard =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      try (MulticastChannel channel = builder.open()) {
        for (String line = keyboard.readLine(); line != null; line = keyboard.readLine()) {
          channel.send(camipro, line); // one datagram: the 6-byte ID, then the text
        }
      }
    } catch (IOException | RuntimeException e) {
      System.err.println(
          "Part4_Sender_CAMIPRO1_CAMIPRO2: "
              + (e.getMessage() != null ? e.getMessage() : e.toString()));
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
        "Part4_Sender_CAMIPRO1_CAMIPRO2: the port is a number from 1 to 65535, not '" + text + "'");
    System.exit(2);
    return 0;
  }
}
