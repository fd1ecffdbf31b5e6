package lab3.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * An address and port on loopback that never answers a connect, without root: a listening socket
 * that accepts nothing, its accept queue filled. Linux drops a SYN for a listener whose queue is
 * full (no RST, no ICMP), so a client waits exactly as it would for a path that drops packets.
 */
final class BlackHole implements AutoCloseable {
  private final ServerSocket listener;
  private final List<Socket> filling = new ArrayList<>();

  /**
   * Listens on {@code address} at {@code port} (0: any) and fills the queue until a SYN is lost.
   */
  BlackHole(InetAddress address, int port) throws IOException {
    listener = new ServerSocket();
    listener.bind(new InetSocketAddress(address, port), 1);
    for (int i = 0; i < 64; i++) {
      Socket s = new Socket();
      try {
        s.connect(listener.getLocalSocketAddress(), 300);
        filling.add(s);
      } catch (SocketTimeoutException full) {
        s.close();
        return; // this SYN was dropped: the next will be too
      }
    }
    close();
    throw new IOException("the accept queue of " + listener + " never filled: no black hole here");
  }

  int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    for (Socket s : filling) {
      s.close();
    }
    listener.close();
  }
}
