package lab3.transport.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import javax.net.ServerSocketFactory;

/**
 * Plain TCP server sockets whose accepted sockets have a {@link java.nio.channels.SocketChannel}
 * underneath ({@link java.net.Socket#getChannel()}): blocking sockets like any others, streams and
 * time-outs included, and a channel for a session that sends a large buffer. The PMU's floodme
 * ({@code lab3.pmu.internal.PmuSession}) writes its shared direct buffer through it, without the
 * copy a stream makes of a heap array.
 */
public final class ChannelServerSockets extends ServerSocketFactory {
  private static final ChannelServerSockets INSTANCE = new ChannelServerSockets();

  private ChannelServerSockets() {}

  /**
   * The factory.
   *
   * @return the factory
   */
  public static ServerSocketFactory factory() {
    return INSTANCE;
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return ServerSocketChannel.open().socket(); // blocking until configured otherwise
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    return bound(new InetSocketAddress(port), 50);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    return bound(new InetSocketAddress(port), backlog);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    return bound(new InetSocketAddress(address, port), backlog);
  }

  private ServerSocket bound(InetSocketAddress address, int backlog) throws IOException {
    ServerSocket socket = createServerSocket();
    try {
      socket.bind(address, backlog);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return socket;
  }
}
