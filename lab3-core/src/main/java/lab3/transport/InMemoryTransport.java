package lab3.transport;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.function.IntSupplier;
import lab3.transport.internal.BytePipe;
import lab3.transport.internal.Timeouts;

/**
 * A transport without a network, for tests: every {@link #open} starts the given server-side {@link
 * ConnectionHandler} on a virtual thread, joined to the client by two in-memory pipes.
 *
 * <p>Like Netty's {@code EmbeddedChannel}, it lets a test choose how the bytes are cut: {@link
 * Builder#readSizes} caps what each client read returns (1 byte at a time, random sizes, ...), so a
 * decoder meets every split a real network could produce, deterministically.
 *
 * <pre>{@code
 * Transport t = InMemoryTransport.builder(session).readSizes(() -> 1).build();
 * }</pre>
 */
public final class InMemoryTransport implements Transport {
  private static final SocketAddress SERVER = InetSocketAddress.createUnresolved("in-memory", 0);
  private static final SocketAddress CLIENT = InetSocketAddress.createUnresolved("client", 0);

  private final ConnectionHandler server;
  private final IntSupplier readSizes;
  private final int pipeCapacity;

  private InMemoryTransport(Builder builder) {
    this.server = builder.server;
    this.readSizes = builder.readSizes;
    this.pipeCapacity = builder.pipeCapacity;
  }

  /**
   * A builder for a transport whose every connection is served by {@code server}.
   *
   * @param server serves each connection, as an emulator's {@code handler()} does
   * @return a new builder
   */
  public static Builder builder(ConnectionHandler server) {
    return new Builder(server);
  }

  @Override
  public Connection open(Endpoint endpoint) {
    BytePipe toServer = new BytePipe(pipeCapacity);
    BytePipe toClient = new BytePipe(pipeCapacity);
    PipeConnection serverSide = new PipeConnection(toServer, toClient, CLIENT, null);
    PipeConnection clientSide = new PipeConnection(toClient, toServer, SERVER, readSizes);
    Thread.ofVirtual()
        .name("in-memory-server")
        .start(
            () -> {
              try (serverSide) {
                server.handle(serverSide);
              } catch (IOException ignored) {
                // The client sees the effect: the pipe closes.
              }
            });
    return clientSide;
  }

  /** Configures an {@link InMemoryTransport}. */
  public static final class Builder {
    private final ConnectionHandler server;
    private IntSupplier readSizes = () -> Integer.MAX_VALUE;
    private int pipeCapacity = 64 * 1024;

    private Builder(ConnectionHandler server) {
      this.server = checkNotNull(server, "server");
    }

    /**
     * The most each client read may return, asked before every read. Values below 1 count as 1.
     *
     * @param readSizes the size limit of each read, e.g. {@code () -> 1}
     * @return this builder
     */
    public Builder readSizes(IntSupplier readSizes) {
      this.readSizes = checkNotNull(readSizes, "readSizes");
      return this;
    }

    /**
     * Bytes buffered in each direction before a writer blocks (the "socket buffer").
     *
     * @param bytes how many bytes each direction holds before a write blocks
     * @return this builder
     */
    public Builder pipeCapacity(int bytes) {
      checkArgument(bytes > 0, "pipe capacity must be positive: %s", bytes);
      this.pipeCapacity = bytes;
      return this;
    }

    /**
     * A transport with these settings.
     *
     * @return the new in memory transport
     */
    public InMemoryTransport build() {
      return new InMemoryTransport(this);
    }
  }

  private static final class PipeConnection implements Connection {
    private final BytePipe in;
    private final BytePipe out;
    private final InputStream input;
    private final OutputStream output;
    private final SocketAddress remote;

    PipeConnection(BytePipe in, BytePipe out, SocketAddress remote, IntSupplier readSizes) {
      this.in = in;
      this.out = out;
      this.remote = remote;
      this.output = out.sink();
      this.input = readSizes == null ? in.source() : new Chopped(in.source(), readSizes);
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
      in.setReadTimeoutMillis(Timeouts.millis(timeout));
    }

    @Override
    public SocketAddress remoteAddress() {
      return remote;
    }

    @Override
    public void shutdownOutput() {
      out.closeWriter();
    }

    @Override
    public void close() {
      out.closeWriter();
      in.closeReader();
    }
  }

  /** Caps each read at the size the supplier gives. */
  private static final class Chopped extends FilterInputStream {
    private final IntSupplier sizes;

    Chopped(InputStream in, IntSupplier sizes) {
      super(in);
      this.sizes = sizes;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, Math.min(len, Math.max(1, sizes.getAsInt())));
    }
  }
}
