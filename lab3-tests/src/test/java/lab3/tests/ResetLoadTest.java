package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import lab3.reset.OffsetAck;
import lab3.reset.ResetRequest;
import lab3.reset.ResetServer;
import lab3.transport.Family;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The reset emulator under many clients at once: every request gets a well-formed {@code OFFSET=X}
 * with 0 &lt;= X &lt;= n, from the address and port it was sent to, and the emulator's heap does
 * not grow with the number of requests it has served.
 */
class ResetLoadTest {
  private static final int CLIENTS = 50;

  /** Heap the JVM may gain meanwhile for reasons of its own (after a full GC). */
  private static final long HEAP_SLACK = 8 << 20;

  @Test
  void fiftyClientsTwentyThousandRequestsEveryAnswerWellFormed() throws Exception {
    load(20_000);
  }

  @Test
  @Tag("full")
  void fiftyClientsHundredThousandRequestsEveryAnswerWellFormed() throws Exception {
    load(100_000);
  }

  private static void load(int requests) throws Exception {
    try (ResetServer server =
            ResetServer.builder().family(Family.ANY).loopback(true).port(0).build().start();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<InetSocketAddress> addresses = server.addresses();
      hammer(threads, addresses, CLIENTS * 20); // warm up: classes, JIT, socket buffers
      long heapBefore = heapAfterGc();
      long served = server.acks();
      long start = System.nanoTime();
      long resent = hammer(threads, addresses, requests);
      long millis = (System.nanoTime() - start) / 1_000_000;
      long heapAfter = heapAfterGc();
      long acks = server.acks() - served; // a resent request may have been answered twice
      assertTrue(acks >= requests && acks <= requests + resent, acks + " acks");
      assertTrue(
          heapAfter - heapBefore < HEAP_SLACK,
          "heap grew from " + heapBefore + " to " + heapAfter + " bytes");
      System.out.printf(
          "Reset load: %d requests from %d clients in %d ms (%d resent after a 1 s time-out);"
              + " heap after GC %d KiB before, %d KiB after%n",
          requests, CLIENTS, millis, resent, heapBefore >> 10, heapAfter >> 10);
    }
  }

  /** {@code requests} exchanges from {@link #CLIENTS} sockets, half IPv4, half IPv6; resends. */
  private static long hammer(ExecutorService threads, List<InetSocketAddress> servers, int requests)
      throws Exception {
    AtomicLong resent = new AtomicLong();
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      InetSocketAddress server = servers.get(c % servers.size());
      int share = requests / CLIENTS + (c < requests % CLIENTS ? 1 : 0);
      int n = 1 + c; // each client its own n, so an ack of the wrong range would show
      clients.add(threads.submit(() -> client(server, share, n, resent)));
    }
    for (Future<?> f : clients) {
      f.get(5, TimeUnit.MINUTES);
    }
    return resent.get();
  }

  private static Void client(InetSocketAddress server, int requests, int n, AtomicLong resent)
      throws IOException {
    byte[] request = new ResetRequest(n).encode();
    byte[] buf = new byte[128];
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(server.getAddress(), 0))) {
      socket.setSoTimeout(1000);
      for (int i = 0; i < requests; i++) {
        socket.send(new DatagramPacket(request, request.length, server));
        while (true) {
          DatagramPacket answer = new DatagramPacket(buf, buf.length);
          try {
            socket.receive(answer);
          } catch (SocketTimeoutException lost) {
            resent.incrementAndGet(); // UDP may drop under load: the client's job is to resend
            socket.send(new DatagramPacket(request, request.length, server));
            continue;
          }
          assertEquals(server, answer.getSocketAddress(), "ack from the server's address and port");
          OffsetAck ack = OffsetAck.decode(buf, 0, answer.getLength(), n); // throws if malformed
          assertTrue(ack.offset() >= 0 && ack.offset() <= n, ack.toString());
          break;
        }
      }
    }
    return null;
  }

  private static long heapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
