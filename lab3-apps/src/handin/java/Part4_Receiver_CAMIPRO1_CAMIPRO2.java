import java.io.IOException;
import lab3.multicast.MulticastChannel;
import lab3.multicast.MulticastMessage;

/**
 * Lab 3, Part 4.1: the multicast receiver. Joins the group and prints every message until Ctrl+C.
 *
 * <pre>
 *   java -cp 'lib/*' Part4_Receiver_CAMIPRO1_CAMIPRO2.java [&lt;group&gt; &lt;port&gt; [&lt;interface&gt;]]
 *   java -cp 'lib/*' Part4_Receiver_CAMIPRO1_CAMIPRO2.java 224.1.1.1 5005
 *   java -cp 'lib/*' Part4_Receiver_CAMIPRO1_CAMIPRO2.java 224.1.1.1 5005 wlan0   (the lab's Wi-Fi)
 * </pre>
 *
 * <p>Each datagram is a 6-byte ID (a CAMIPRO number, or Swisscom's) followed by a text; it is
 * printed as {@code <id>: <text>}. Joining is what makes the host ask its network for the group's
 * traffic (IGMP) and lets the kernel hand it to this socket. The interface defaults to the loopback
 * one, so that nothing reaches a network by accident; name the lab's interface to hear its group.
 */
public class Part4_Receiver_CAMIPRO1_CAMIPRO2 {

  public static void main(String[] args) {
    if (args.length != 0 && args.length != 2 && args.length != 3) {
      System.err.println("usage: Part4_Receiver_CAMIPRO1_CAMIPRO2 [<group> <port> [<interface>]]");
      System.exit(2);
    }
    try {
      MulticastChannel.Builder builder = MulticastChannel.builder(); // 224.1.1.1:5005 on lo
      if (args.length >= 2) {
        builder.group(args[0]).port(port(args[1]));
      }
      if (args.length == 3) {
        builder.networkInterface(args[2]);
      }
      try (MulticastChannel channel = builder.open().join()) {
        while (true) {
          MulticastMessage message = channel.receive();
          System.out.println(message.id() + ": " + message.text().replaceAll("[\r\n]+$", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      System.err.println(
          "Part4_Receiver_CAMIPRO1_CAMIPRO2: "
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
        "Part4_Receiver_CAMIPRO1_CAMIPRO2: the port is a number from 1 to 65535, not '"
            + text
            + "'");
    System.exit(2);
    return 0;
  }
}
