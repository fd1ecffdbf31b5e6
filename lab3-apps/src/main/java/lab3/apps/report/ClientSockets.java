package lab3.apps.report;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets made on the client's host of a {@link ReportNetwork}, for a library that connects on
 * threads of its own (OkHttp): a socket stays in the network namespace it was created in, whichever
 * thread connects it later.
 */
final class ClientSockets extends SocketFactory {
  private final ReportNetwork network;

  ClientSockets(ReportNetwork network) {
    this.network = network;
  }

  @Override
  public Socket createSocket() throws IOException {
    try {
      return network.onClient(
          () -> {
            Socket s = new Socket();
            s.setKeepAlive(false); // makes the file descriptor now, in the client's namespace
            return s;
          });
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot make a socket on the client's host: " + e.getMessage(), e);
    }
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket s = createSocket();
    s.connect(new java.net.InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    Socket s = createSocket();
    s.bind(new java.net.InetSocketAddress(localHost, localPort));
    s.connect(new java.net.InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket s = createSocket();
    s.connect(new java.net.InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket s = createSocket();
    s.bind(new java.net.InetSocketAddress(localAddress, localPort));
    s.connect(new java.net.InetSocketAddress(address, port));
    return s;
  }
}
