package lab3.multicast;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * A joined multicast group, as a program uses it: send a message under an ID, receive the group's
 * messages. The seam between a program (the {@link TvProgram}, a subscriber of your own) and the
 * network: {@link MulticastChannel} is the real one, and tests pass an in-memory group ({@code
 * lab3.testing.InMemoryGroup}) through an {@link Opener}.
 *
 * <pre>{@code
 * GroupChannel.Opener real = () -> MulticastChannel.builder().group("224.1.1.1").open().join();
 * try (GroupChannel group = real.open()) {
 *   group.send("123456", "Hello, Verona");
 *   MulticastMessage m = group.receive(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>The pitfall: a member of a group receives its own messages too (on the loopback interface
 * always), so a program that answers messages skips its own ID.
 */
public interface GroupChannel extends Closeable {

  /**
   * Opens a channel that has joined its group: what a program takes instead of building a {@link
   * MulticastChannel} itself, so that a test can give it another group.
   */
  @FunctionalInterface
  interface Opener {
    /**
     * Opens and joins.
     *
     * @return the joined channel; the caller closes it
     * @throws IOException if the group cannot be joined
     */
    GroupChannel open() throws IOException;
  }

  /**
   * Sends {@code text} under {@code id} to the group, as one datagram.
   *
   * @param id six printable ASCII characters
   * @param text the text; it must fit in one datagram with the ID
   * @throws IllegalArgumentException if the ID is malformed or the text does not fit
   * @throws IOException if sending fails
   */
  void send(String id, String text) throws IOException;

  /**
   * Waits as long as it takes for the group's next message.
   *
   * @return the message
   * @throws IOException if the channel is (or gets) closed
   */
  MulticastMessage receive() throws IOException;

  /**
   * Waits for the group's next message (a malformed one is returned with its warnings).
   *
   * @param timeout zero waits forever
   * @return the message
   * @throws java.net.SocketTimeoutException if nothing came within the time-out
   * @throws IOException if the channel is (or gets) closed
   */
  MulticastMessage receive(Duration timeout) throws IOException;

  /**
   * The group's port.
   *
   * @return the port
   */
  int port();

  /**
   * After a failed send: joins again if the network interface was removed and made again.
   *
   * @return true if it joined again (send once more); false by default
   * @throws IOException if joining again failed
   */
  default boolean rejoinIfInterfaceChanged() throws IOException {
    return false;
  }

  /** Leaves the group and closes; wakes a thread blocked in {@link #receive}. */
  @Override
  void close() throws IOException;
}
