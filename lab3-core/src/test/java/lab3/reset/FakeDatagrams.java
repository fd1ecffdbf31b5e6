package lab3.reset;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A network in memory for the reset client: every datagram the client sends goes to a {@link
 * Network} the test writes, which decides, deterministically, what comes back and in what order.
 * Sends can be made to fail per family, and opening a family can fail.
 */
final class FakeDatagrams implements Datagrams {

  /** What the network does with each datagram a client socket sends. */
  @FunctionalInterface
  interface Network {
    void onSend(FakeEndpoint socket, byte[] data, InetSocketAddress to) throws IOException;
  }

  /** A datagram a client socket sent. */
  record Sent(StandardProtocolFamily family, String text, InetSocketAddress to) {}

  private final Network network;
  private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
  private final List<FakeEndpoint> opened = Collections.synchronizedList(new ArrayList<>());
  private final Map<StandardProtocolFamily, IOException> openFailures =
      new EnumMap<>(StandardProtocolFamily.class);
  private final Map<StandardProtocolFamily, IOException> sendFailures =
      new EnumMap<>(StandardProtocolFamily.class);

  FakeDatagrams(Network network) {
    this.network = network;
  }

  FakeDatagrams failOpen(StandardProtocolFamily family, IOException e) {
    openFailures.put(family, e);
    return this;
  }

  FakeDatagrams failSend(StandardProtocolFamily family, IOException e) {
    sendFailures.put(family, e);
    return this;
  }

  List<Sent> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  List<Sent> sent(StandardProtocolFamily family) {
    return sent().stream().filter(s -> s.family() == family).toList();
  }

  List<FakeEndpoint> opened() {
    synchronized (opened) {
      return List.copyOf(opened);
    }
  }

  @Override
  public UdpSocket open(InetSocketAddress local) throws IOException {
    StandardProtocolFamily family = Datagrams.familyOf(local.getAddress());
    IOException failure = openFailures.get(family);
    if (failure != null) {
      throw failure;
    }
    FakeEndpoint endpoint =
        new FakeEndpoint(family, new InetSocketAddress(local.getAddress(), 40000 + opened.size()));
    opened.add(endpoint);
    return endpoint;
  }

  /** One fake socket: an inbox of datagrams and errors the network put there. */
  final class FakeEndpoint implements UdpSocket {
    private static final Object CLOSED = new Object();
    private final StandardProtocolFamily family;
    private final InetSocketAddress local;
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    FakeEndpoint(StandardProtocolFamily family, InetSocketAddress local) {
      this.family = family;
      this.local = local;
    }

    StandardProtocolFamily family() {
      return family;
    }

    boolean isClosed() {
      return closed;
    }

    /** Makes {@code text} arrive from {@code from}. */
    void deliver(String text, InetSocketAddress from) {
      inbox.add(new Received(text.getBytes(StandardCharsets.ISO_8859_1), from));
    }

    /** Makes the next receive throw {@code error}, as an ICMP error report would. */
    void deliverError(IOException error) {
      inbox.add(error);
    }

    @Override
    public InetSocketAddress localAddress() {
      return local;
    }

    @Override
    public void send(byte[] data, InetSocketAddress to) throws IOException {
      if (closed) {
        throw new SocketException("closed");
      }
      IOException failure = sendFailures.get(family);
      if (failure != null) {
        throw failure;
      }
      sent.add(new Sent(family, new String(data, StandardCharsets.ISO_8859_1), to));
      network.onSend(this, data, to);
    }

    @Override
    public Received receive(Duration timeout) throws IOException {
      Object item;
      try {
        item =
            timeout.isZero() ? inbox.take() : inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SocketException("interrupted");
      }
      if (item == null) {
        throw new SocketTimeoutException("fake time-out");
      }
      if (item == CLOSED) {
        inbox.add(CLOSED);
        throw new SocketException("closed");
      }
      if (item instanceof IOException e) {
        throw e;
      }
      return (Received) item;
    }

    @Override
    public void close() {
      closed = true;
      inbox.add(CLOSED);
    }
  }
}
