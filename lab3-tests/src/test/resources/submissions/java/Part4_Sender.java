import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;

// Part 4.2: send what is typed to the group, after the 6-digit CAMIPRO.
// Usage: <group> <port> <camipro> [interface]
class Part4_Sender_111111_222222 {
  public static void main(String[] args) throws Exception {
    InetAddress group = InetAddress.getByName(args[0]);
    int port = Integer.parseInt(args[1]);
    String camipro = args[2];
    MulticastSocket socket = new MulticastSocket();
    socket.setTimeToLive(1);
    socket.setNetworkInterface(NetworkInterface.getByName(args.length > 3 ? args[3] : "lo"));
    BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in));
    String line;
    while ((line = keyboard.readLine()) != null) {
      byte[] data = (camipro + line).getBytes(StandardCharsets.UTF_8);
      socket.send(new DatagramPacket(data, data.length, group, port));
    }
    socket.close();
  }
}
