package lab3.multicast;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.net.InetAddresses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.time.Clock;
import java.time.Duration;
import lab3.transport.internal.Timeouts;

/**
 * A UDP multicast group on one network interface: join it, receive its messages, send messages
 * under an ID. Blocking, one datagram per message (see {@link MulticastMessage} for the format).
 *
 * <pre>{@code
 * try (MulticastChannel channel = MulticastChannel.builder().group("224.1.1.1").port(5005)
 *     .networkInterface("lo").open()) {
 *   channel.join();
 *   channel.send("123456", "Hello, Verona");
 *   MulticastMessage m = channel.receive(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Sending needs no special option: any UDP socket may send to a group address. Three options say
 * how (and the lab asks about them, Q17): {@code IP_MULTICAST_IF} picks the interface the datagrams
 * leave by (without it the kernel follows the route to the group, on most machines the Wi-Fi or
 * Ethernet card), {@code IP_MULTICAST_TTL} how many routers they may cross (default 1: the local
 * network only) and {@code IP_MULTICAST_LOOP} whether this host's own sockets get a copy. Receiving
 * is where the work is: {@code SO_REUSEADDR} lets several programs on one host bind the group's
 * port, and joining the group on an interface makes the kernel accept the group's datagrams and
 * send an IGMP (IPv4) or MLD (IPv6) report so that routers forward them.
 *
 * <p>The default interface is the loopback interface ({@code lo} on Linux): nothing leaves the
 * machine until you name a real interface. On {@code lo} datagrams always come back to the sender
 * host, whatever the loopback option says.
 */
public final class MulticastChannel implements GroupChannel {
  /** The lab's group, 224.1.1.1. */
  public static final InetAddress DEFAULT_GROUP = InetAddresses.forString("224.1.1.1");

  /** The lab's port, 5005. */
  public static final int DEFAULT_PORT = 5005;

  private final InetAddress group;
  private volatile NetworkInterface networkInterface;
  private final Object membershipLock = new Object();
  private MembershipKey membership;
  private final Clock clock;
  private final int maxDatagram;
  private final DatagramChannel channel;
  private final byte[] receiveBuffer;
  private volatile int port;
  private volatile boolean joined;

  private MulticastChannel(Builder builder) throws IOException {
    this.group = builder.group;
    this.port = builder.port;
    this.networkInterface = builder.networkInterface;
    this.clock = builder.clock;
    boolean ipv4 = group instanceof Inet4Address;
    this.maxDatagram =
        ipv4 ? MulticastMessage.MAX_DATAGRAM_IPV4 : MulticastMessage.MAX_DATAGRAM_IPV6;
    this.receiveBuffer = new byte[maxDatagram + 1];
    this.channel =
        DatagramChannel.open(ipv4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
    try {
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, networkInterface);
      channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, builder.ttl);
      channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, builder.loopback);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * A builder with the lab's defaults: group 224.1.1.1, port 5005, the loopback interface, TTL 1.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The loopback interface ({@code lo} on Linux, {@code lo0} on macOS): the interface that holds
   * the loopback address.
   *
   * @return the loopback interface ({@code lo} on Linux, {@code lo0} on macOS): the interface that
   *     holds the loopback address
   */
  public static NetworkInterface loopbackInterface() {
    try {
      NetworkInterface loopback =
          NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
      checkState(loopback != null, "this machine has no loopback interface");
      return loopback;
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The interface with this name ({@code lo}, {@code eth0}, {@code wlan0}) or this address ({@code
   * 127.0.0.1}, as Python programs name it).
   *
   * @throws IllegalArgumentException if there is no such interface
   * @param nameOrAddress an interface name ({@code lo}) or one of its addresses ({@code 127.0.0.1})
   * @return the interface with this name ({
   */
  public static NetworkInterface interfaceNamed(String nameOrAddress) {
    checkNotNull(nameOrAddress, "nameOrAddress");
    try {
      NetworkInterface found = NetworkInterface.getByName(nameOrAddress);
      if (found == null && InetAddresses.isInetAddress(nameOrAddress)) {
        found = NetworkInterface.getByInetAddress(InetAddresses.forString(nameOrAddress));
      }
      checkArgument(found != null, "no network interface named '%s'", nameOrAddress);
      return found;
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Binds the group's port (shared with other programs on this host) and joins the group on the
   * interface. Call it before the first {@link #send} if this channel is to receive too.
   *
   * @return this channel
   * @throws IOException if the I/O fails
   */
  public synchronized MulticastChannel join() throws IOException {
    checkState(!joined, "already joined");
    checkState(
        channel.getLocalAddress() == null,
        "a channel that has sent is bound to an ephemeral port: join() before the first send()");
    channel.bind(new InetSocketAddress(port));
    port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
    synchronized (membershipLock) {
      membership = channel.join(group, networkInterface);
    }
    joined = true;
    return this;
  }

  /**
   * Finds the interface again by its name and, if it was removed and made again since this channel
   * last looked (it has a new index), moves the channel to the new one: sets it as the interface
   * datagrams go out by and, once {@link #join joined}, joins the group on it again. Call it when a
   * send fails, or now and then while nothing arrives. The pitfall this mends: the kernel drops a
   * group membership with its interface and the socket keeps naming the dead interface, so without
   * it every send fails with "No such device" and nothing is received, for ever, although an
   * interface of the same name is back.
   *
   * @return true if the channel moved to a new interface; false if the interface is the same
   * @throws SocketException if there is no interface of that name now (it has not come back yet)
   * @throws IOException if the new interface cannot be used
   */
  @Override
  public boolean rejoinIfInterfaceChanged() throws IOException {
    synchronized (membershipLock) {
      NetworkInterface was = networkInterface;
      NetworkInterface now = NetworkInterface.getByName(was.getName());
      if (now == null) {
        throw new SocketException("no network interface named " + was.getName() + " now");
      }
      if (now.getIndex() == was.getIndex()) {
        return false;
      }
      channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, now);
      if (membership != null) {
        try {
          membership.drop(); // the kernel dropped it with the interface; the JDK must forget it too
        } catch (RuntimeException | AssertionError alreadyGone) {
          // the JDK asserts that leaving never fails; leaving a dead interface may
        }
        membership = channel.join(group, now);
      }
      networkInterface = now;
      return true;
    }
  }

  /**
   * Waits as long as it takes for the next datagram; see {@link #receive(Duration)}.
   *
   * @return the multicast message
   * @throws IOException if the I/O fails
   */
  @Override
  public MulticastMessage receive() throws IOException {
    return receive(Duration.ZERO);
  }

  /**
   * Waits for the next datagram sent to the group's port and decodes it. A malformed datagram is
   * returned like any other, with {@link MulticastMessage#warnings()}.
   *
   * @param timeout zero waits forever
   * @throws SocketTimeoutException if nothing came within the time-out
   * @throws java.nio.channels.ClosedChannelException if the channel is (or gets) closed
   * @return the multicast message
   */
  @Override
  public synchronized MulticastMessage receive(Duration timeout) throws IOException {
    checkState(joined, "join() before receive()");
    // The channel itself has no receive time-out; its socket adaptor has (SO_TIMEOUT).
    var socket = channel.socket();
    socket.setSoTimeout(Timeouts.millis(timeout));
    DatagramPacket packet = new DatagramPacket(receiveBuffer, receiveBuffer.length);
    socket.receive(packet);
    return MulticastMessage.decode(
        packet.getData(),
        packet.getLength(),
        (InetSocketAddress) packet.getSocketAddress(),
        clock.instant());
  }

  /**
   * Sends {@code text} under {@code id} to the group, as one datagram.
   *
   * @throws IllegalArgumentException if the ID is not 6 printable ASCII characters or the text does
   *     not fit in one datagram (the message names the limit)
   * @param id six printable ASCII characters, e.g. a student number
   * @param text the text; it must fit in one datagram with the ID
   * @throws IOException if the I/O fails
   */
  @Override
  public void send(String id, String text) throws IOException {
    byte[] datagram = MulticastMessage.encode(id, text, maxDatagram);
    sendRaw(datagram);
  }

  /**
   * Sends any bytes to the group, well formed or not: for tests of receivers.
   *
   * @param datagram any bytes, at most one datagram's worth
   * @throws IOException if the I/O fails
   */
  public void sendRaw(byte[] datagram) throws IOException {
    checkArgument(
        datagram.length <= maxDatagram,
        "a datagram carries at most %s bytes, got %s",
        maxDatagram,
        datagram.length);
    checkState(port != 0, "port 0: join() first, to learn the port the system chose");
    try {
      channel.send(ByteBuffer.wrap(datagram), new InetSocketAddress(group, port));
    } catch (SocketException e) {
      // "Network is unreachable" alone does not say which group and interface were tried.
      SocketException named =
          new SocketException("cannot send to " + this + ": " + e.getMessage() + hint(e));
      named.initCause(e);
      throw named;
    }
  }

  /** What to do, for the failure users meet most: an IPv6 group on the loopback interface. */
  private String hint(SocketException e) throws SocketException {
    if (group instanceof Inet4Address
        || !networkInterface.isLoopback()
        || !String.valueOf(e.getMessage()).contains("unreachable")) {
      return "";
    }
    String lo = networkInterface.getName();
    return " ("
        + lo
        + " has no IPv6 multicast route; as root: ip -6 route add multicast ff00::/8 dev "
        + lo
        + " table local; or use 224.1.1.1)";
  }

  /**
   * The multicast group this channel sends to and, once joined, receives from.
   *
   * @return the multicast group this channel sends to and, once joined, receives from
   */
  public InetAddress group() {
    return group;
  }

  /**
   * The group's port: the one chosen at {@link #join()} when built with port 0.
   *
   * @return the group's port: the one chosen at {@link #join()} when built with port 0
   */
  @Override
  public int port() {
    return port;
  }

  /**
   * The interface the group is joined on and datagrams are sent by ({@code lo} unless set).
   *
   * @return the interface the group is joined on and datagrams are sent by ({@code lo} unless set)
   */
  public NetworkInterface networkInterface() {
    return networkInterface;
  }

  /**
   * The TTL (IPv4) or hop limit (IPv6) its datagrams go out with, as the socket has it.
   *
   * @return the TTL (IPv4) or hop limit (IPv6) its datagrams go out with, as the socket has it
   * @throws IOException if the I/O fails
   */
  public int ttl() throws IOException {
    return channel.getOption(StandardSocketOptions.IP_MULTICAST_TTL);
  }

  /**
   * The most bytes of UTF-8 text one message carries: 65501 over IPv4, 65521 over IPv6.
   *
   * @return the most bytes of UTF-8 text one message carries: 65501 over IPv4, 65521 over IPv6
   */
  public int maxTextBytes() {
    return maxDatagram - MulticastMessage.ID_LENGTH;
  }

  /** E.g. {@code 224.1.1.1:5005 on lo}. */
  @Override
  public String toString() {
    return InetAddresses.toUriString(group) + ":" + port + " on " + networkInterface.getName();
  }

  /** Leaves the group and closes the socket; a blocked {@link #receive} then throws. */
  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Configures a {@link MulticastChannel}; every setter validates its argument at once. */
  public static final class Builder {
    private InetAddress group = DEFAULT_GROUP;
    private int port = DEFAULT_PORT;
    private NetworkInterface networkInterface;
    private int ttl = 1;
    private boolean loopback = true;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** A copy, for an object that opens channels later (TvProgram): it must not see changes. */
    Builder copy() {
      Builder copy = new Builder();
      copy.group = group;
      copy.port = port;
      copy.networkInterface = networkInterface;
      copy.ttl = ttl;
      copy.loopback = loopback;
      copy.clock = clock;
      return copy;
    }

    /**
     * An IPv4 (224.0.0.0/4) or IPv6 (ff00::/8) multicast group; 224.1.1.1 by default.
     *
     * @param group a multicast group address (224.0.0.0/4 or ff00::/8)
     * @return this builder
     */
    public Builder group(InetAddress group) {
      checkNotNull(group, "group");
      checkArgument(
          group.isMulticastAddress(),
          "%s is not a multicast address (224.0.0.0/4 or ff00::/8)",
          group.getHostAddress());
      this.group = group;
      return this;
    }

    /**
     * The group as a literal, {@code 224.1.1.1} or {@code ff02::1:1}, or a host name.
     *
     * @param group a multicast group address (224.0.0.0/4 or ff00::/8)
     * @return this builder
     */
    public Builder group(String group) {
      checkNotNull(group, "group");
      try {
        return group(InetAddress.getByName(group));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("cannot resolve group '" + group + "'", e);
      }
    }

    /**
     * 5005 by default; 0 lets {@link MulticastChannel#join()} pick a free one.
     *
     * @param port the group's port, 0 to 65535 (0: a free port, learnt by joining)
     * @return this builder
     */
    public Builder port(int port) {
      checkArgument(port >= 0 && port <= 65535, "port must be 0 to 65535, got %s", port);
      this.port = port;
      return this;
    }

    /**
     * The interface to join on and send by; the loopback interface by default.
     *
     * @param networkInterface the interface, e.g. {@link #loopbackInterface()}
     * @return this builder
     */
    public Builder networkInterface(NetworkInterface networkInterface) {
      this.networkInterface = checkNotNull(networkInterface, "networkInterface");
      return this;
    }

    /**
     * The interface by name ({@code lo}, {@code eth0}, {@code wlan0}) or by one of its addresses
     * ({@code 127.0.0.1}, as Python programs name it).
     *
     * @throws IllegalArgumentException if there is no such interface
     * @param nameOrAddress an interface name ({@code lo}) or one of its addresses ({@code
     *     127.0.0.1})
     * @return this builder
     */
    public Builder networkInterface(String nameOrAddress) {
      return networkInterface(interfaceNamed(nameOrAddress));
    }

    /**
     * How many routers the datagrams may cross: 1 (the local network only) by default.
     *
     * @param ttl how many routers a datagram may cross, 0 to 255 (1: this network only)
     * @return this builder
     */
    public Builder ttl(int ttl) {
      checkArgument(ttl >= 0 && ttl <= 255, "TTL must be 0 to 255, got %s", ttl);
      this.ttl = ttl;
      return this;
    }

    /**
     * Whether this host's own sockets get a copy of what it sends; on by default.
     *
     * @param loopback whether this host's own sockets get a copy of what it sends
     * @return this builder
     */
    public Builder loopback(boolean loopback) {
      this.loopback = loopback;
      return this;
    }

    /**
     * Stamps received messages; the system clock by default.
     *
     * @param clock stamps each message received; the system's by default
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * Opens the socket and sets its multicast options; {@link MulticastChannel#join()} next.
     *
     * @return this multicast channel, ready
     * @throws IOException if the I/O fails
     */
    public MulticastChannel open() throws IOException {
      if (networkInterface == null) {
        networkInterface = loopbackInterface();
      }
      return new MulticastChannel(this);
    }
  }
}
