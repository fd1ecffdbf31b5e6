package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lab3.reset.ResetClient;
import lab3.reset.ResetResult;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.Test;

/**
 * The reset client on real sockets takes an ack only from the address and port it sent its request
 * to: well-formed acks from another port, or from another address with the server's port, are
 * ignored (and logged), and the server's own ack, sent after them, is the one taken.
 */
class ResetSpoofingTest {
  private static final long PATIENCE_S = 20;

  @Test
  void acksFromAnotherPortOrAddressAreIgnored() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(loopback, 0));
        DatagramSocket otherPort = new DatagramSocket(new InetSocketAddress(loopback, 0));
        DatagramSocket otherAddress =
            new DatagramSocket(
                new InetSocketAddress(InetAddress.getByName("127.0.0.2"), server.getLocalPort()))) {
      BlockingQueue<String> log = new LinkedBlockingQueue<>();
      ResetClient client =
          ResetClient.builder()
              .resolver(host -> List.of(loopback))
              .timeout(Duration.ofSeconds(PATIENCE_S)) // one round: the spoofers have all the time
              .log(log::add)
              .build();
      CompletableFuture<ResetResult> result = new CompletableFuture<>();
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  result.complete(client.reset(new Endpoint("pmu.test", server.getLocalPort())));
                } catch (Exception e) {
                  result.completeExceptionally(e);
                }
              });

      DatagramPacket request = new DatagramPacket(new byte[64], 64);
      server.setSoTimeout((int) TimeUnit.SECONDS.toMillis(PATIENCE_S));
      server.receive(request);
      SocketAddress pdc = request.getSocketAddress();
      send(otherPort, "OFFSET=7", pdc);
      send(otherAddress, "OFFSET=8", pdc);
      for (int i = 0; i < 2; i++) {
        String line = log.poll(PATIENCE_S, TimeUnit.SECONDS);
        assertTrue(line != null && line.startsWith("ignored a datagram"), line);
      }
      send(server, "OFFSET=3", pdc);

      ResetResult r = result.get(PATIENCE_S, TimeUnit.SECONDS);
      assertEquals(3, r.offset());
      assertEquals(server.getLocalSocketAddress(), r.server());
    }
  }

  private static void send(DatagramSocket from, String text, SocketAddress to) throws Exception {
    byte[] data = text.getBytes(StandardCharsets.US_ASCII);
    from.send(new DatagramPacket(data, data.length, to));
  }
}
