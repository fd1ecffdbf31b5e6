package ch.epfl.tcpip;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Part 3: RESET:20 over UDP to the server on IPv4 and IPv6, again every second until OFFSET. */
public class Part3_111111_222222 {
  public static void main(String[] args) throws Exception {
    String server = args[0];
    int port = Integer.parseInt(args[1]);
    InetAddress v4 = null;
    InetAddress v6 = null;
    for (InetAddress a : InetAddress.getAllByName(server)) {
      if (a instanceof Inet4Address && v4 == null) v4 = a;
      if (a instanceof Inet6Address && v6 == null) v6 = a;
    }
    DatagramSocket socket = new DatagramSocket(); // dual-stack socket
    socket.setSoTimeout(1000);
    byte[] reset = "RESET:20".getBytes(StandardCharsets.US_ASCII);
    byte[] buffer = new byte[1024];
    while (true) {
      for (InetAddress a : new InetAddress[] {v4, v6}) {
        if (a == null) continue;
        try {
          socket.send(new DatagramPacket(reset, reset.length, a, port));
        } catch (Exception e) {
          // this family has no route
        }
      }
      try {
        DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
        socket.receive(answer);
        String text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
        if (text.startsWith("OFFSET=")) {
          System.out.println(text);
          break;
        }
      } catch (SocketTimeoutException lost) {
        // lost: send again
      }
    }
    socket.close();
  }
}
