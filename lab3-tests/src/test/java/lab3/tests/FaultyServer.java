package lab3.tests;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A server that misbehaves in the middle of an answer, as a real one may: it reads the command,
 * writes the start of an answer, then closes, resets (RST, by closing with SO_LINGER 0) or stalls
 * (keeps the connection open and silent until the client gives up). One connection at a time. Its
 * WebSocket counterpart is lab3-testing's {@code ScriptedWsPeer}.
 */
final class FaultyServer implements Closeable {

  /** What the server does after writing the start of its answer. */
  enum Fault {
    CLOSE,
    RESET,
    STALL
  }

  private final ServerSocket socket;
  private final byte[] start;
  private final Fault fault;

  FaultyServer(String start, Fault fault) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getByName("::1"));
    this.start = start.getBytes(StandardCharsets.UTF_8);
    this.fault = fault;
    Thread.ofVirtual().start(this::serve);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        client.setTcpNoDelay(true);
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        in.read(new byte[64]); // the command, whatever it is
        out.write(start);
        out.flush();
        if (fault == Fault.RESET) {
          client.setSoLinger(true, 0); // the close below sends RST
          continue;
        }
        if (fault == Fault.CLOSE) {
          client.shutdownOutput();
        }
        in.read(); // until the client closes (or gives up, when stalled)
      } catch (IOException e) {
        // next client, or closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
