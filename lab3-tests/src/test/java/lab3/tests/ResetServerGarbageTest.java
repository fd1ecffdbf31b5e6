package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import lab3.reset.OffsetAck;
import lab3.reset.ResetRequest;
import lab3.reset.ResetServer;
import lab3.transport.Family;
import org.junit.jupiter.api.Test;

/**
 * The reset emulator fed 2,000 arbitrary datagrams (noise, and {@code RESET:} followed by noise):
 * it answers exactly the valid requests among them, each with a well-formed ack, and keeps
 * answering. Every batch ends with a request of its own, whose ack marks where the batch's answers
 * end (loopback keeps the order).
 */
class ResetServerGarbageTest {

  @Test
  void arbitraryDatagramsGetNoAnswerUnlessValidAndTheServerKeepsAnswering() throws Exception {
    Random random = new Random(20261128);
    try (ResetServer server =
            ResetServer.builder().family(Family.IPV4).loopback(true).port(0).build().start();
        DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      InetSocketAddress to = server.addresses().getFirst();
      client.setSoTimeout(10_000);
      byte[] marker = "RESET:999999999".getBytes(StandardCharsets.US_ASCII);
      int valid = 0;
      for (int batch = 0; batch < 20; batch++) {
        int expected = 0;
        for (int i = 0; i < 100; i++) {
          byte[] datagram = garbage(random);
          if (decodes(datagram)) {
            expected++;
          }
          client.send(new DatagramPacket(datagram, datagram.length, to));
        }
        client.send(new DatagramPacket(marker, marker.length, to));
        int answered = 0;
        byte[] buf = new byte[64];
        while (true) {
          DatagramPacket ack = new DatagramPacket(buf, buf.length);
          client.receive(ack);
          assertEquals(to, ack.getSocketAddress());
          OffsetAck.decode(buf, 0, ack.getLength(), ResetRequest.MAX_N); // well formed
          if (answered == expected) {
            break; // the marker's ack
          }
          answered++;
        }
        valid += expected;
      }
      assertEquals(valid + 20, server.acks());
    }
  }

  private static byte[] garbage(Random random) {
    byte[] noise = new byte[random.nextInt(40)];
    random.nextBytes(noise);
    if (random.nextBoolean()) {
      return noise;
    }
    String digits = Integer.toString(random.nextInt(1000));
    String prefix = random.nextBoolean() ? "RESET:" + digits : "RESET:";
    byte[] start = prefix.getBytes(StandardCharsets.US_ASCII);
    byte[] datagram = new byte[start.length + (random.nextInt(3) == 0 ? 0 : noise.length)];
    System.arraycopy(start, 0, datagram, 0, start.length);
    System.arraycopy(noise, 0, datagram, start.length, datagram.length - start.length);
    return datagram;
  }

  private static boolean decodes(byte[] datagram) {
    try {
      ResetRequest.decode(datagram, 0, datagram.length);
      return true;
    } catch (ProtocolException e) {
      return false;
    }
  }
}
