// Student style (Java): the receiver sets the multicast interface to the address of the laptop it
// was written on (the lab's Wi-Fi), then joins. On any other host there is no such interface.
// Usage: java Part4_Receiver <group> <port>
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.MulticastSocket;

public class WifiInterface {
  public static void main(String[] args) throws Exception {
    InetAddress group = InetAddress.getByName(args[0]);
    MulticastSocket socket = new MulticastSocket(Integer.parseInt(args[1]));
    socket.setInterface(InetAddress.getByName("192.168.1.34"));
    socket.joinGroup(group);
    byte[] buffer = new byte[2048];
    while (true) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      socket.receive(packet);
      System.out.println(new String(buffer, 6, packet.getLength() - 6));
    }
  }
}
