package lab3.tests;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import javax.net.ServerSocketFactory;

/**
 * A hostile PMU for tests: reads the command (whatever it is), then writes a fixed answer cut at
 * random boundaries with random pauses between the pieces, and closes. Stands for every way a
 * network can deliver the same bytes.
 */
final class ChoppingServer implements Closeable {
  private final ServerSocket socket;
  private final byte[] answer;
  private final Random random;

  ChoppingServer(byte[] answer, long seed) throws IOException {
    this(ServerSocketFactory.getDefault(), answer, seed);
  }

  /** With the server sockets of {@code factory}: TLS ones, for instance. */
  ChoppingServer(ServerSocketFactory factory, byte[] answer, long seed) throws IOException {
    this.socket = factory.createServerSocket(0, 50, InetAddress.getByName("::1"));
    this.answer = answer;
    this.random = new Random(seed);
    Thread.ofVirtual().start(this::serve);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        client.setTcpNoDelay(true);
        client.getInputStream().read(new byte[64]);
        OutputStream out = client.getOutputStream();
        int off = 0;
        while (off < answer.length) {
          int n = Math.min(answer.length - off, 1 + random.nextInt(40));
          out.write(answer, off, n);
          out.flush();
          off += n;
          if (random.nextInt(4) == 0) {
            Thread.sleep(random.nextInt(5));
          }
        }
        client.shutdownOutput();
        client.getInputStream().read(); // wait for the client's close
      } catch (IOException | InterruptedException e) {
        // next client, or closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
