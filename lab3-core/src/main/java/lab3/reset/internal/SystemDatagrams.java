package lab3.reset.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import lab3.reset.Datagrams;
import lab3.transport.internal.Timeouts;

/**
 * The real {@link Datagrams}: a {@link DatagramChannel} opened for the family of the local address
 * (so that an IPv4 socket really is IPv4), used through its blocking {@link DatagramSocket} view,
 * which honours a receive time-out.
 */
public final class SystemDatagrams implements Datagrams {

  /** The largest UDP payload: a datagram is never cut short, so garbage never looks valid. */
  private static final int MAX_DATAGRAM = 65_535;

  @Override
  public UdpSocket open(InetSocketAddress local) throws IOException {
    DatagramChannel channel = DatagramChannel.open(Datagrams.familyOf(local.getAddress()));
    try {
      channel.bind(local);
      return new ChannelEndpoint(channel.socket());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static final class ChannelEndpoint implements UdpSocket {
    private final DatagramSocket socket;
    private final byte[] buffer = new byte[MAX_DATAGRAM];

    ChannelEndpoint(DatagramSocket socket) {
      this.socket = socket;
    }

    @Override
    public InetSocketAddress localAddress() {
      return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void send(byte[] data, InetSocketAddress to) throws IOException {
      socket.send(new DatagramPacket(data, data.length, to));
    }

    @Override
    public Received receive(Duration timeout) throws IOException {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      socket.setSoTimeout(Timeouts.millis(timeout));
      socket.receive(packet);
      byte[] data = Arrays.copyOfRange(buffer, 0, packet.getLength());
      return new Received(data, (InetSocketAddress) packet.getSocketAddress());
    }

    @Override
    public void close() {
      socket.close();
    }

    @Override
    public String toString() {
      return "udp " + localAddress();
    }
  }
}
