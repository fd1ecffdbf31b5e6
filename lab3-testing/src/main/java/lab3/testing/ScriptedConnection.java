package lab3.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import lab3.transport.Connection;
import lab3.transport.Endpoint;
import lab3.transport.Transport;

/**
 * A {@link Connection} for unit tests that plays a scripted peer: each {@code read} returns the
 * next chunk the test chose (or what fits of it), then the stream ends as scripted: end of stream,
 * a read time-out, or a reset. What the client writes is recorded. No socket, no thread, no mock.
 *
 * <pre>{@code
 * ScriptedConnection peer = ScriptedConnection.builder()
 *     .reads(PmuStreams.cut(PmuStreams.messages(2), 5, 20)).build();
 * PmuClient.builder().transport(peer.transport()).build()
 *     .send(new Endpoint("pmu.test", 5003), PmuCommand.parse("CMD_short:0"), listener);
 * assertEquals("CMD_short:0", peer.writtenText());
 * }</pre>
 *
 * <p>The pitfall: one connection plays one session. {@link #transport()} hands out this same
 * connection on every {@code open}, so a client that opens two sessions reads the rest of the one
 * script; build a connection per session.
 */
public final class ScriptedConnection implements Connection {

  /** How the stream ends once every chunk was read. */
  public enum Ending {
    /** {@code read} returns -1: the peer closed. */
    CLOSE,
    /** {@code read} throws {@link SocketTimeoutException}: the peer went silent. */
    TIME_OUT,
    /** {@code read} throws {@link SocketException} "Connection reset": the peer reset. */
    RESET
  }

  private final Deque<byte[]> chunks;
  private final Ending ending;
  private final SocketAddress remote;
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final List<Duration> readTimeouts = new CopyOnWriteArrayList<>();
  private final List<Endpoint> opened = new CopyOnWriteArrayList<>();
  private final InputStream input = new ScriptedInput();
  private final OutputStream output = new RecordingOutput();
  private byte[] current;
  private int position;
  private long reads;
  private volatile boolean closed;
  private volatile boolean outputShutdown;

  private ScriptedConnection(Builder builder) {
    this.chunks = new ArrayDeque<>(builder.chunks);
    this.ending = builder.ending;
    this.remote = builder.remote;
  }

  /**
   * A builder: no chunks, ends with a close, peer {@code 192.0.2.1:5003}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A connection that delivers {@code stream} with {@code size} bytes per read, then closes.
   *
   * @param stream what the peer sends
   * @param size bytes per read, at least 1 (1: one byte per read)
   * @return the connection
   */
  public static ScriptedConnection delivering(byte[] stream, int size) {
    return builder().reads(PmuStreams.chunks(stream, size)).build();
  }

  /**
   * A transport whose every {@code open} returns this connection, recording the endpoint.
   *
   * @return the transport
   */
  public Transport transport() {
    return endpoint -> {
      opened.add(endpoint);
      return this;
    };
  }

  /**
   * The endpoints {@link #transport()} was asked to open, in order.
   *
   * @return the endpoints
   */
  public List<Endpoint> opened() {
    return List.copyOf(opened);
  }

  /**
   * Everything the client wrote, in order.
   *
   * @return a copy of the bytes written
   */
  public synchronized byte[] written() {
    return written.toByteArray();
  }

  /**
   * Everything the client wrote, as UTF-8 text (the lab's commands are ASCII).
   *
   * @return the text written
   */
  public synchronized String writtenText() {
    return written.toString(StandardCharsets.UTF_8);
  }

  /**
   * The read time-outs the client set, in order.
   *
   * @return the read time-outs
   */
  public List<Duration> readTimeouts() {
    return List.copyOf(readTimeouts);
  }

  /**
   * Read calls that returned data so far.
   *
   * @return how many reads returned data
   */
  public synchronized long reads() {
    return reads;
  }

  /**
   * True once the client closed the connection.
   *
   * @return whether it was closed
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * True once the client half-closed (shut its output down).
   *
   * @return whether the output was shut down
   */
  public boolean isOutputShutdown() {
    return outputShutdown;
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public OutputStream output() {
    return output;
  }

  @Override
  public void setReadTimeout(Duration timeout) {
    readTimeouts.add(checkNotNull(timeout, "timeout"));
  }

  @Override
  public SocketAddress remoteAddress() {
    return remote;
  }

  @Override
  public void shutdownOutput() {
    outputShutdown = true;
  }

  @Override
  public void close() {
    closed = true;
  }

  private synchronized int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new SocketException("Socket closed");
    }
    if (len == 0) {
      return 0;
    }
    if (current == null || position == current.length) {
      current = chunks.poll();
      position = 0;
      if (current == null) {
        return switch (ending) {
          case CLOSE -> -1;
          case TIME_OUT -> throw new SocketTimeoutException("Read timed out (scripted)");
          case RESET -> throw new SocketException("Connection reset (scripted)");
        };
      }
    }
    int n = Math.min(len, current.length - position);
    System.arraycopy(current, position, b, off, n);
    position += n;
    reads++;
    return n;
  }

  private final class ScriptedInput extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = ScriptedConnection.this.read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      return ScriptedConnection.this.read(b, off, len);
    }
  }

  private final class RecordingOutput extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed || outputShutdown) {
        throw new SocketException("Socket output is closed");
      }
      synchronized (ScriptedConnection.this) {
        written.write(b, off, len);
      }
    }
  }

  /** Configures a {@link ScriptedConnection}. */
  public static final class Builder {
    private final List<byte[]> chunks = new ArrayList<>();
    private Ending ending = Ending.CLOSE;
    private SocketAddress remote = new InetSocketAddress("192.0.2.1", 5003);

    private Builder() {}

    /**
     * Adds one read: the UTF-8 bytes of {@code text}.
     *
     * @param text what one read returns
     * @return this builder
     */
    public Builder read(String text) {
      return read(checkNotNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds one read of these bytes (copied).
     *
     * @param bytes what one read returns, at least one byte
     * @return this builder
     */
    public Builder read(byte[] bytes) {
      checkArgument(checkNotNull(bytes, "bytes").length > 0, "a read returns at least one byte");
      chunks.add(bytes.clone());
      return this;
    }

    /**
     * Adds one read per chunk, in order.
     *
     * @param chunks what each read returns
     * @return this builder
     */
    public Builder reads(List<byte[]> chunks) {
      chunks.forEach(this::read);
      return this;
    }

    /**
     * Adds {@code stream}, cut into reads of the sizes {@code sizes} gives (each at least 1).
     *
     * @param stream what the peer sends
     * @param sizes the size of each read, e.g. {@code () -> 1} or a seeded random
     * @return this builder
     */
    public Builder reads(byte[] stream, IntSupplier sizes) {
      checkNotNull(sizes, "sizes");
      for (int at = 0; at < stream.length; ) {
        int n = sizes.getAsInt();
        checkArgument(n >= 1, "a read size must be at least 1, got %s", n);
        int end = Math.min(stream.length, at + n);
        chunks.add(java.util.Arrays.copyOfRange(stream, at, end));
        at = end;
      }
      return this;
    }

    /**
     * How the stream ends after the last chunk; {@link Ending#CLOSE} by default.
     *
     * @param ending {@link Ending#CLOSE}, {@link Ending#TIME_OUT} or {@link Ending#RESET}
     * @return this builder
     */
    public Builder then(Ending ending) {
      this.ending = checkNotNull(ending, "ending");
      return this;
    }

    /**
     * The peer's address, as {@link Connection#remoteAddress()} gives it.
     *
     * @param remote the address
     * @return this builder
     */
    public Builder remoteAddress(SocketAddress remote) {
      this.remote = checkNotNull(remote, "remote");
      return this;
    }

    /**
     * The connection, its script copied: later changes to this builder do not reach it.
     *
     * @return the connection
     */
    public ScriptedConnection build() {
      return new ScriptedConnection(this);
    }
  }
}
