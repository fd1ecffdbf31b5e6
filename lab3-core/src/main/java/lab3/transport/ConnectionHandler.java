package lab3.transport;

import java.io.IOException;

/**
 * The server side of one connection: what an emulator does with a client, independent of how the
 * bytes travel. The servers run one handler per accepted socket on its own virtual thread; {@link
 * InMemoryTransport} runs the same handler against an in-memory pipe.
 */
@FunctionalInterface
public interface ConnectionHandler {

  /**
   * Serves one connection. The caller closes it afterwards.
   *
   * @param connection the connection to serve; the caller closes it
   * @throws IOException if the I/O fails
   */
  void handle(Connection connection) throws IOException;
}
