package lab3.reset;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.time.Duration;
import lab3.reset.internal.SystemDatagrams;

/**
 * Opens UDP sockets: the seam between the reset client and the network. The default, {@link
 * #SYSTEM}, is real; unit tests pass a fake that drops, delays and reorders datagrams as they
 * script.
 *
 * <p>A note on Java: the family of a socket follows the family of the address it is bound to. An
 * endpoint bound to {@code 0.0.0.0} or {@code 127.0.0.1} is a true IPv4 socket; one bound to {@code
 * ::1} is IPv6 only; one bound to {@code ::} is dual stack (IPv4 peers show up with their IPv4
 * addresses), and Java offers no way to make it IPv6 only.
 */
@FunctionalInterface
public interface Datagrams {

  /** Real sockets ({@link java.nio.channels.DatagramChannel} in blocking mode). */
  Datagrams SYSTEM = new SystemDatagrams();

  /**
   * Opens a socket bound to {@code local}: a wildcard address and port 0 for a client, a chosen
   * address and port for a server.
   *
   * @throws java.net.BindException if the port is taken
   * @throws IOException if this host cannot open a socket of that family at all
   * @param local the address and port to bind to
   * @return the open socket
   */
  UdpSocket open(InetSocketAddress local) throws IOException;

  /**
   * {@code INET} for an IPv4 address, {@code INET6} for an IPv6 one.
   *
   * @param address an IPv4 or IPv6 address
   * @return {@code INET} for an IPv4 address, {@code INET6} for an IPv6 one
   */
  static StandardProtocolFamily familyOf(InetAddress address) {
    return address instanceof Inet4Address
        ? StandardProtocolFamily.INET
        : StandardProtocolFamily.INET6;
  }

  /** One open UDP socket. Safe for one sender and one receiver thread at a time. */
  interface UdpSocket extends Closeable {

    /**
     * The address and port it is bound to.
     *
     * @return the address and port it is bound to
     */
    InetSocketAddress localAddress();

    /**
     * Sends {@code data} in one datagram.
     *
     * @param data the payload, sent as one datagram
     * @param to the address and port to send to
     * @throws IOException if the I/O fails
     */
    void send(byte[] data, InetSocketAddress to) throws IOException;

    /**
     * Waits for the next datagram.
     *
     * @param timeout how long to wait; zero waits until a datagram arrives or the socket closes
     * @throws java.net.SocketTimeoutException if nothing arrived in time
     * @throws java.net.PortUnreachableException if an ICMP error for an earlier send was reported
     *     (some systems do so); the socket stays usable
     * @throws IOException if the socket was closed, also by another thread while waiting
     * @return the datagram
     */
    Received receive(Duration timeout) throws IOException;

    /** Closes it and wakes a thread blocked in {@link #receive}. */
    @Override
    void close() throws IOException;
  }

  /**
   * A datagram that arrived.
   *
   * @param data its payload, whole
   * @param from the address and port it came from
   */
  record Received(byte[] data, InetSocketAddress from) {}
}
