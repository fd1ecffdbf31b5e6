package lab3.transport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import lab3.transport.Connection;

/** A {@link Connection} over a connected {@link Socket}, plain or TLS. */
public final class SocketConnection implements Connection {
  private final Socket socket;
  private final SocketAddress remote;

  public SocketConnection(Socket socket) {
    this.socket = socket;
    this.remote = socket.getRemoteSocketAddress();
  }

  /** The socket underneath, for transports that need more than streams (TLS session details). */
  public Socket socket() {
    return socket;
  }

  @Override
  public InputStream input() throws IOException {
    return socket.getInputStream();
  }

  @Override
  public OutputStream output() throws IOException {
    return socket.getOutputStream();
  }

  @Override
  public void setReadTimeout(Duration timeout) throws IOException {
    socket.setSoTimeout(Timeouts.millis(timeout));
  }

  @Override
  public SocketAddress remoteAddress() {
    return remote;
  }

  /**
   * TCP: sends FIN. TLS: sends the close_notify alert, which the peer reads as end of stream (the
   * JDK supports this half-close since Java 11; TLS 1.3 keeps the other direction open, TLS 1.2
   * peers usually answer with their own close_notify).
   */
  @Override
  public void shutdownOutput() throws IOException {
    if (!socket.isOutputShutdown()) {
      socket.shutdownOutput();
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  @Override
  public String toString() {
    return "SocketConnection[" + remote + "]";
  }
}
