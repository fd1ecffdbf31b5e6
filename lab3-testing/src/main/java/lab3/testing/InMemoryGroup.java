package lab3.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lab3.multicast.GroupChannel;
import lab3.multicast.MulticastMessage;

/**
 * A multicast group in memory: every member {@linkplain #join joins} it and receives every datagram
 * any member sends, its own included (as on the loopback interface). No socket, no interface, no
 * TTL: for unit tests of a program that takes a {@link GroupChannel.Opener}, such as {@link
 * lab3.multicast.TvProgram.Builder#channel}.
 *
 * <pre>{@code
 * InMemoryGroup group = new InMemoryGroup();
 * try (TvProgram tv = TvProgram.builder().channel(group.opener()).build().start();
 *     GroupChannel viewer = group.join()) {
 *   assertEquals("first line", viewer.receive(Duration.ofSeconds(5)).text());
 * }
 * }</pre>
 *
 * <p>Members get the addresses 192.0.2.1, 192.0.2.2... (TEST-NET-1) on the group's port, so that a
 * test can tell senders apart by {@link MulticastMessage#source()}.
 */
public final class InMemoryGroup {
  private final int port;
  private final List<Member> members = new CopyOnWriteArrayList<>();
  private final List<MulticastMessage> sent = new CopyOnWriteArrayList<>();
  private int joined;

  /** A group on port 5005, the lab's. */
  public InMemoryGroup() {
    this(5005);
  }

  /**
   * A group on {@code port}.
   *
   * @param port 1 to 65535
   */
  public InMemoryGroup(int port) {
    checkArgument(port >= 1 && port <= 65535, "port must be 1 to 65535, got %s", port);
    this.port = port;
  }

  /**
   * A new member, joined: it receives what is sent from now on.
   *
   * @return the member's channel; close it to leave
   */
  public synchronized GroupChannel join() {
    joined++;
    InetSocketAddress address;
    try {
      address =
          new InetSocketAddress(
              InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) joined}), port);
    } catch (UnknownHostException e) {
      throw new AssertionError(e); // four bytes are always an address
    }
    Member member = new Member(address);
    members.add(member);
    return member;
  }

  /**
   * {@link #join} as an opener, for the builders that take one.
   *
   * @return the opener
   */
  public GroupChannel.Opener opener() {
    return this::join;
  }

  /**
   * Every message sent to the group, in order.
   *
   * @return the messages sent
   */
  public List<MulticastMessage> sent() {
    return List.copyOf(sent);
  }

  /**
   * Sends bytes to every member as if {@code from} had sent them: well formed or not, for tests of
   * receivers.
   *
   * @param datagram the bytes
   * @param from the sender's address
   */
  public void deliver(byte[] datagram, InetSocketAddress from) {
    MulticastMessage message =
        MulticastMessage.decode(datagram.clone(), datagram.length, from, Instant.now());
    sent.add(message);
    for (Member member : members) {
      member.inbox.add(message);
    }
  }

  private final class Member implements GroupChannel {
    private final InetSocketAddress address;
    private final Inbox<MulticastMessage> inbox = new Inbox<>("in-memory group");
    private volatile boolean closed;

    Member(InetSocketAddress address) {
      this.address = address;
    }

    @Override
    public void send(String id, String text) throws IOException {
      checkNotNull(text, "text");
      if (closed) {
        throw new SocketException("Socket is closed");
      }
      deliver(MulticastMessage.encode(id, text), address);
    }

    @Override
    public MulticastMessage receive() throws IOException {
      return receive(Duration.ZERO);
    }

    @Override
    public MulticastMessage receive(Duration timeout) throws IOException {
      return inbox.take(timeout);
    }

    @Override
    public int port() {
      return port;
    }

    @Override
    public void close() {
      closed = true;
      members.remove(this);
      inbox.close();
    }

    @Override
    public String toString() {
      return "in-memory group member " + address;
    }
  }
}
