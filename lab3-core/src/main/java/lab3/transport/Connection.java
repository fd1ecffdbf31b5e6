package lab3.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;

/**
 * One open, blocking, bidirectional byte stream: a TCP socket, a TLS session, or an in-memory pipe.
 *
 * <p>Reads block until at least one byte is there, the peer closes (-1), or the transport's read
 * time-out passes ({@link java.net.SocketTimeoutException}). Like a socket, a read returns whatever
 * has arrived: never assume one read equals one message the peer wrote.
 */
public interface Connection extends Closeable {

  /**
   * Bytes from the peer.
   *
   * @return bytes from the peer
   * @throws IOException if the I/O fails
   */
  InputStream input() throws IOException;

  /**
   * Bytes to the peer. Not buffered: each write is handed to the transport as it is.
   *
   * @return bytes to the peer
   * @throws IOException if the I/O fails
   */
  OutputStream output() throws IOException;

  /**
   * Sets how long a read may block before it fails with {@link java.net.SocketTimeoutException};
   * zero blocks forever. A caller that knows how long the peer may legitimately stay silent (a PMU
   * told to pause d seconds between messages) adjusts it per exchange.
   *
   * @param timeout how long a read may block; zero blocks forever
   * @throws IOException if the I/O fails
   */
  void setReadTimeout(java.time.Duration timeout) throws IOException;

  /**
   * The peer's address, for messages and logs.
   *
   * @return the peer's address, for messages and logs
   */
  SocketAddress remoteAddress();

  /**
   * Half-closes: tells the peer we will send nothing more (TCP FIN) while we keep reading. Not
   * every transport can (TLS cannot); those do nothing.
   *
   * @throws IOException if the I/O fails
   */
  default void shutdownOutput() throws IOException {}

  /** Closes both directions. Idempotent. */
  @Override
  void close() throws IOException;
}
