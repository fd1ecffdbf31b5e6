package lab3.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import lab3.reset.ResetServer;
import lab3.transport.Family;
import org.junit.jupiter.api.Test;

class Part3ChecksTest {
  /** Every hand-in meets the same losses: the first two requests dropped, the third answered. */
  @Test
  void theBenchsServerDropsTheFirstTwoRequestsAndAnswersTheThird() throws Exception {
    try (ResetServer server = Part3Checks.server(Family.IPV4).start();
        DatagramSocket client = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      byte[] request = "RESET:20".getBytes(StandardCharsets.US_ASCII);
      InetAddress loopback = InetAddress.getByName("127.0.0.1");
      for (int i = 0; i < 3; i++) {
        client.send(new DatagramPacket(request, request.length, loopback, server.port()));
      }
      client.setSoTimeout(5000);
      DatagramPacket answer = new DatagramPacket(new byte[64], 64);
      client.receive(answer); // the answer to the third
      assertEquals(
          "OFFSET=" + server.lastOffset().getAsInt(),
          new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII).strip());
      assertEquals(3, server.requests());
      client.setSoTimeout(300); // and no other: the first two were dropped
      assertThrows(SocketTimeoutException.class, () -> client.receive(answer));
    }
  }
}
