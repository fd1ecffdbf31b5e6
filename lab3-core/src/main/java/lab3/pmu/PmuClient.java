package lab3.pmu;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import lab3.pmu.internal.Utf8StreamDecoder;
import lab3.transport.Addresses;
import lab3.transport.Connection;
import lab3.transport.Endpoint;
import lab3.transport.TcpTransport;
import lab3.transport.Transport;
import lab3.transport.internal.Timeouts;

/**
 * The PDC side of the lab's PMU protocol (Parts 2 and 6): sends one command and streams back the
 * answer until the server closes.
 *
 * <pre>{@code
 * PmuClient client = PmuClient.builder().transport(TcpTransport.create()).build();
 * PmuResult r = client.send(new Endpoint("::1", 5003), PmuCommand.parse("CMD_short:0"),
 *     PmuListener.forMessages(messages::add));
 * }</pre>
 *
 * <p>The answer is never held whole: a 1 GiB floodme passes through a buffer of {@link
 * Builder#bufferSize} bytes. The client knows how long the PMU may pause (the d of {@code
 * CMD_short:d}), so its read time-out is the configured silence plus d.
 *
 * <p>The same client serves Part 6: give it a TLS transport. Instances are immutable and may be
 * shared; each {@link #send} uses its own connection.
 */
public final class PmuClient {
  /** Consecutive empty reads after which a stream counts as broken rather than slow. */
  static final int MAX_ZERO_READS = 1000;

  private final Transport transport;
  private final Duration silence;
  private final int bufferSize;

  private PmuClient(Builder builder) {
    this.transport = builder.transport;
    this.silence = builder.silence;
    this.bufferSize = builder.bufferSize;
  }

  /**
   * A builder with the defaults: TCP, a 30 s read time-out, a 128 KiB buffer.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A connection's stream, or a clear error if it is null: a Mockito mock of {@link Connection}
   * returns null from a method nobody stubbed, which failed later as a bare NullPointerException.
   */
  private static <T> T stream(T stream, String method) {
    if (stream == null) {
      throw new IllegalStateException(
          "the Connection's "
              + method
              + "() returned null; a mocked Connection needs it stubbed, e.g. when(connection."
              + method
              + "()).thenReturn("
              + (method.equals("input")
                  ? "ScriptedInputStream.of(...)"
                  : "new ByteArrayOutputStream()")
              + ")");
    }
    return stream;
  }

  /**
   * Connects, sends {@code command}, delivers the answer to {@code listener} until the server
   * closes, and returns the counts.
   *
   * @throws java.net.ProtocolException if the server sends something that is not a PMU answer
   *     (complete messages before it were delivered)
   * @throws TruncatedMessageException if the server closes inside a message
   * @throws java.net.SocketTimeoutException if the server stays silent too long
   * @throws IOException if connecting or reading fails
   * @param endpoint the host name or address literal, and the port
   * @param command the command to send, e.g. {@code PmuCommand.parse("CMD_short:0")}
   * @param listener receives the messages or the text as they arrive
   * @return the pmu result
   */
  public PmuResult send(Endpoint endpoint, PmuCommand command, PmuListener listener)
      throws IOException {
    checkNotNull(listener, "listener");
    long start = System.nanoTime();
    try (Connection connection = transport.open(endpoint)) {
      Duration wait =
          command instanceof PmuCommand.Short s && !silence.isZero()
              ? silence.plus(s.interval())
              : silence;
      connection.setReadTimeout(wait);
      OutputStream out = stream(connection.output(), "output");
      out.write(command.wire().getBytes(StandardCharsets.US_ASCII));
      out.flush();

      InputStream in = stream(connection.input(), "input");
      byte[] buf = new byte[bufferSize];
      long reads = 0;
      long bytes = 0;
      PmuMessageDecoder messages = new PmuMessageDecoder();
      boolean flood = command instanceof PmuCommand.Floodme;
      // Only floodme is text: a short session never needs the decoder and its 16 KiB of chars.
      Utf8StreamDecoder text = flood ? new Utf8StreamDecoder() : null;
      int zeroReads = 0;
      for (int n; (n = read(in, buf, connection, wait, messages, bytes)) >= 0; ) {
        if (n == 0) { // InputStream.read returns at least one byte or -1: a broken stream spins
          if (++zeroReads >= MAX_ZERO_READS) {
            throw new IOException(
                "the input stream from "
                    + connection.remoteAddress()
                    + " returned 0 bytes "
                    + zeroReads
                    + " times in a row (a broken InputStream: read must block, return data or -1)");
          }
          continue;
        }
        zeroReads = 0;
        reads++;
        bytes += n;
        try {
          if (flood) {
            text.deliver(buf, 0, n, listener);
          } else {
            messages.decode(buf, 0, n, listener);
          }
        } finally {
          listener.onReadComplete(); // even on a protocol error: what came before is delivered
        }
      }
      try {
        if (flood) {
          deliver(text.finish(), listener);
        } else {
          messages.finish(listener);
        }
      } finally {
        listener.onReadComplete();
      }
      return new PmuResult(
          command,
          connection.remoteAddress(),
          messages.messages(),
          reads,
          bytes,
          Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * One read; a time-out says what was waited for, how long and what had arrived, e.g. "no data
   * from [::1]:5003 for 10 s after 3 messages (57 bytes)".
   */
  private static int read(
      InputStream in,
      byte[] buf,
      Connection connection,
      Duration wait,
      PmuMessageDecoder messages,
      long bytes)
      throws IOException {
    try {
      return in.read(buf);
    } catch (SocketTimeoutException e) {
      SocketTimeoutException described =
          new SocketTimeoutException(
              "no data from "
                  + Addresses.format(connection.remoteAddress())
                  + " for "
                  + Timeouts.describe(wait)
                  + " after "
                  + messages.messages()
                  + (messages.messages() == 1 ? " message (" : " messages (")
                  + bytes
                  + (bytes == 1 ? " byte)" : " bytes)"));
      described.initCause(e);
      throw described;
    }
  }

  private static void deliver(CharBuffer chars, PmuListener listener) throws IOException {
    if (chars.hasRemaining()) {
      listener.onText(chars);
    }
  }

  /** Configures a {@link PmuClient}. */
  public static final class Builder {
    private Transport transport = TcpTransport.create();
    private Duration silence = Duration.ofSeconds(30);
    private int bufferSize = 128 * 1024;

    private Builder() {}

    /**
     * How to reach the PMU: TCP by default; TLS for Part 6; in-memory in tests.
     *
     * @param transport opens the connection: TCP by default, a TLS or in-memory transport otherwise
     * @return this builder
     */
    public Builder transport(Transport transport) {
      this.transport = checkNotNull(transport, "transport");
      return this;
    }

    /**
     * How long the server may stay silent beyond the pause its command asked for, before the client
     * gives up with a {@link java.net.SocketTimeoutException}. Zero waits forever. Default 30 s.
     * This is the read time-out of the client's sessions: it replaces the transport's own ({@link
     * TcpTransport.Builder#readTimeout}) on every connection the client opens.
     *
     * @param silence how long the server may stay silent; zero waits forever
     * @return this builder
     */
    public Builder readTimeout(Duration silence) {
      this.silence = Timeouts.check("read time-out", silence);
      return this;
    }

    /**
     * The most one read() may return. Default 128 KiB, the most the JDK's socket reads in one
     * system call: a floodme of 1 GiB is 8,192 reads instead of 16,384 with 64 KiB, and the client
     * used a fifth less CPU (user + system, 512 MiB from serve-pmu on loopback, three runs each,
     * 2026-12-07). Over a real network a read returns what has arrived, usually far less.
     *
     * @param bytes the size of the read buffer, in bytes
     * @return this builder
     */
    public Builder bufferSize(int bytes) {
      checkArgument(bytes >= 1 && bytes <= 16 * 1024 * 1024, "buffer size out of range: %s", bytes);
      this.bufferSize = bytes;
      return this;
    }

    /**
     * A client with these settings.
     *
     * @return the new pmu client
     */
    public PmuClient build() {
      return new PmuClient(this);
    }
  }
}
