// Student style, in Java: both families, a "Received:" label and the number of tries.
// Usage: java Resets.java <server> <port>
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

public class Resets {
  public static void main(String[] args) throws Exception {
    InetAddress[] addresses = InetAddress.getAllByName(args[0]);
    int port = Integer.parseInt(args[1]);
    byte[] reset = "RESET:20".getBytes(StandardCharsets.US_ASCII);
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(1000);
      for (int tries = 1; ; tries++) {
        for (InetAddress address : addresses) {
          try {
            socket.send(new DatagramPacket(reset, reset.length, address, port));
          } catch (java.io.IOException e) {
            // no route for this family
          }
        }
        byte[] buffer = new byte[1024];
        DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(answer);
        } catch (SocketTimeoutException e) {
          continue;
        }
        String text = new String(buffer, 0, answer.getLength(), StandardCharsets.US_ASCII);
        System.out.println("Received: " + text + " after " + tries + " tries");
        return;
      }
    }
  }
}
