package lab3.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SocketServerTest {

  @Test
  void eachSessionRunsOnAVirtualThreadNamedAfterItsPeer() throws Exception {
    CompletableFuture<Thread> sessionThread = new CompletableFuture<>();
    ServerSocket bound = new ServerSocket();
    bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    try (SocketServer server =
            SocketServer.start(
                "test",
                bound,
                socket -> sessionThread.complete(Thread.currentThread()),
                line -> {},
                Duration.ofSeconds(5));
        Socket client = new Socket(InetAddress.getLoopbackAddress(), bound.getLocalPort())) {
      Thread thread = sessionThread.get(10, TimeUnit.SECONDS);
      assertTrue(thread.isVirtual(), thread.toString());
      // The server sees the client's local address as its peer.
      assertEquals("session-" + client.getLocalSocketAddress(), thread.getName());
    }
  }
}
