package lab3.transport;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * An input stream for tests that delivers bytes in the chunks a test chose, one chunk per {@code
 * read} call, then end of stream: the cuts a real network makes, made repeatable. Give it to a
 * mocked {@link Connection} ({@code when(connection.input()).thenReturn(stream)}) to test a
 * protocol client without a socket; {@link InMemoryTransport} does the same for a whole server.
 *
 * <pre>{@code
 * InputStream in = ScriptedInputStream.of("This is PMU data 1This is", " PMU data 2");
 * }</pre>
 *
 * <p>A read with a smaller buffer than the chunk returns what fits; the rest comes first in the
 * next read. The pitfall: an empty chunk makes one read return 0, which {@link InputStream} allows
 * only for a zero-length request; it is there to test how a reader copes with a broken stream.
 */
public final class ScriptedInputStream extends InputStream {
  private final Deque<byte[]> chunks;
  private byte[] current;
  private int position;
  private long reads;

  private ScriptedInputStream(Deque<byte[]> chunks) {
    this.chunks = chunks;
  }

  /**
   * A stream of the UTF-8 bytes of each chunk, one chunk per read.
   *
   * @param chunks the text of each read, in order
   * @return the stream
   */
  public static ScriptedInputStream of(String... chunks) {
    return ofBytes(
        Arrays.stream(chunks)
            .map(c -> Objects.requireNonNull(c, "chunk").getBytes(StandardCharsets.UTF_8))
            .toArray(byte[][]::new));
  }

  /**
   * A stream of these chunks, one per read. The arrays are copied.
   *
   * @param chunks the bytes of each read, in order
   * @return the stream
   */
  public static ScriptedInputStream ofBytes(byte[]... chunks) {
    Deque<byte[]> queue = new ArrayDeque<>();
    for (byte[] chunk : chunks) {
      queue.add(checkNotNull(chunk, "chunk").clone());
    }
    return new ScriptedInputStream(queue);
  }

  /**
   * A stream of {@code data} cut into reads of the sizes {@code sizes} gives (asked once per chunk;
   * values below 1 count as 1), e.g. {@code () -> 1} for one byte per read.
   *
   * @param data everything the stream delivers
   * @param sizes the size of each chunk
   * @return the stream
   */
  public static ScriptedInputStream chopped(byte[] data, IntSupplier sizes) {
    checkNotNull(sizes, "sizes");
    Deque<byte[]> queue = new ArrayDeque<>();
    for (int from = 0; from < data.length; ) {
      int to = (int) Math.min(data.length, (long) from + Math.max(1, sizes.getAsInt()));
      queue.add(Arrays.copyOfRange(data, from, to));
      from = to;
    }
    return new ScriptedInputStream(queue);
  }

  @Override
  public synchronized int read() throws IOException {
    byte[] one = new byte[1];
    int n;
    while ((n = read(one, 0, 1)) == 0) {
      // an empty chunk: a one-byte read still needs a byte or the end
    }
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (current == null) {
      current = chunks.poll();
      position = 0;
      if (current == null) {
        return -1;
      }
    }
    int n = Math.min(len, current.length - position);
    System.arraycopy(current, position, b, off, n);
    position += n;
    if (position == current.length) {
      current = null;
    }
    if (n > 0) {
      reads++;
    }
    return n;
  }

  /**
   * Read calls that returned at least one byte so far.
   *
   * @return the count
   */
  public synchronized long reads() {
    return reads;
  }
}
