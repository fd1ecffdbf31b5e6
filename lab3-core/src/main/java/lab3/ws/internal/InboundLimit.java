package lab3.ws.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import javax.net.SocketFactory;
import lab3.ws.WsPmuClient;

/**
 * Bounds what one WebSocket session may buffer: OkHttp assembles each message in memory and has no
 * size limit, so this socket factory counts the bytes read from the server and fails the read once
 * more than {@code allowance} bytes arrived since the last complete message. The exact per-message
 * check happens when the message is delivered; this one only stops a huge message early, before it
 * fills the heap. Frame headers count too, hence an allowance above the message limit.
 *
 * <p>One instance per session: OkHttp's reader thread both reads the socket and delivers messages.
 */
public final class InboundLimit extends SocketFactory {
  /** The most one read of the socket asks the kernel for. */
  static final int READ_BYTES = 64 * 1024;

  private final long maxMessageBytes;
  private final long allowance;
  private final WsPmuClient.SocketOpener opener;
  private volatile long received;
  private volatile long lastMessageEnd;

  /**
   * A limit for sessions that accept messages of up to {@code maxMessageBytes}.
   *
   * @param maxMessageBytes the largest message the caller accepts; the allowance is twice that plus
   *     64 KiB, room for frame headers and bytes read ahead
   */
  public InboundLimit(long maxMessageBytes) {
    this(maxMessageBytes, null);
  }

  /**
   * A limit whose sockets {@code opener} creates (null: on the calling thread, lazily).
   *
   * @param maxMessageBytes as for {@link #InboundLimit(long)}
   * @param opener runs each socket's creation, or null
   */
  public InboundLimit(long maxMessageBytes, WsPmuClient.SocketOpener opener) {
    this.opener = opener;
    this.maxMessageBytes = maxMessageBytes;
    this.allowance = Math.min(Long.MAX_VALUE / 4, maxMessageBytes) * 2 + 64 * 1024;
  }

  /** Called when a whole message was delivered: the next message starts its count here. */
  public void messageDelivered() {
    lastMessageEnd = received;
  }

  private void count(int n) throws ProtocolException {
    if (n > 0) {
      received += n;
      if (received - lastMessageEnd > allowance) {
        throw new ProtocolException(
            "more than "
                + allowance
                + " bytes arrived without completing a message (the limit is "
                + maxMessageBytes
                + " bytes)");
      }
    }
  }

  @Override
  public Socket createSocket() throws IOException {
    if (opener == null) {
      return limited();
    }
    return opener.open(
        () -> {
          Socket socket = limited();
          socket.setKeepAlive(false); // opens the descriptor now, on the opener's thread
          return socket;
        });
  }

  private Socket limited() {
    return new Socket() {
      private InputStream in;

      @Override
      public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
          // OkHttp (okio) reads at most one 8 KiB segment per read(): a buffer of READ_BYTES
          // below it makes that one system call per 64 KiB, as part2's reads are.
          in = new CountingStream(new BufferedInputStream(super.getInputStream(), READ_BYTES));
        }
        return in;
      }
    };
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return createSocket(address, port);
  }

  private Socket connected(InetSocketAddress address) throws IOException {
    Socket socket = createSocket();
    socket.connect(address);
    return socket;
  }

  private final class CountingStream extends FilterInputStream {
    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(n);
      return n;
    }
  }
}
