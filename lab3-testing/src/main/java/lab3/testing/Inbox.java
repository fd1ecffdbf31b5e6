package lab3.testing;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a fake socket has received and not yet read: a queue that blocks like a real socket's
 * receive buffer, times out like {@code SO_TIMEOUT}, and once closed fails every read, the ones
 * already waiting included, as a closed socket does.
 *
 * <p>The fakes of this package ({@link FakeDatagrams}' sockets, {@link InMemoryGroup}'s members)
 * each hold one; the exceptions are the JDK's, so code under test sees what a real socket throws.
 *
 * @param <T> what a read returns
 */
final class Inbox<T> {
  private static final Object CLOSED = new Object();
  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final String owner;

  /**
   * @param owner names the fake in the time-out's message, e.g. "fake" or "in-memory group"
   */
  Inbox(String owner) {
    this.owner = owner;
  }

  /** Adds what arrived; readers see it in order. */
  void add(T item) {
    queue.add(item);
  }

  /**
   * The next item, waiting at most {@code timeout} ({@link Duration#ZERO}: for ever).
   *
   * @throws SocketTimeoutException when nothing arrived in time
   * @throws SocketException when the inbox is closed, or the reader is interrupted
   */
  @SuppressWarnings("unchecked")
  T take(Duration timeout) throws IOException {
    Object item;
    try {
      item = timeout.isZero() ? queue.take() : queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SocketException("interrupted");
    }
    if (item == null) {
      throw new SocketTimeoutException("Receive timed out (" + owner + ")");
    }
    if (item == CLOSED) {
      queue.add(CLOSED); // every later read fails too
      throw new SocketException("Socket is closed");
    }
    return (T) item;
  }

  /** Closes: the reads waiting now and every later one fail with "Socket is closed". */
  void close() {
    queue.add(CLOSED);
  }
}
