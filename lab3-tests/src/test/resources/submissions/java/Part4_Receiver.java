import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;

// Part 4.1: join 224.1.1.1 and print the messages. Usage: <group> <port> [interface]
public class Receiver {
  public static void main(String[] args) throws Exception {
    InetAddress group = InetAddress.getByName(args[0]);
    int port = Integer.parseInt(args[1]);
    NetworkInterface nif = NetworkInterface.getByName(args.length > 2 ? args[2] : "lo");
    MulticastSocket socket = new MulticastSocket(port);
    socket.joinGroup(new InetSocketAddress(group, port), nif);
    byte[] buffer = new byte[65535];
    while (true) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      socket.receive(packet);
      String id = new String(packet.getData(), 0, Math.min(6, packet.getLength()), StandardCharsets.UTF_8);
      String text = packet.getLength() > 6
          ? new String(packet.getData(), 6, packet.getLength() - 6, StandardCharsets.UTF_8)
          : "";
      System.out.println(id + ": " + text);
    }
  }
}
