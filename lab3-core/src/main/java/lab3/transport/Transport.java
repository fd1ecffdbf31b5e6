package lab3.transport;

import java.io.IOException;

/**
 * Opens connections. Protocol clients such as {@link lab3.pmu.PmuClient} never create sockets: they
 * ask a transport, so that the same protocol code runs over TCP, TLS or an in-memory pipe in tests.
 *
 * <p>Implementations: {@link TcpTransport} (the default), {@link lab3.tls.TlsTransport} (TLS over
 * TCP), {@link InMemoryTransport} (tests).
 *
 * <p>The pitfall: the connection returned is the caller's to close (try-with-resources), whatever
 * the implementation.
 */
@FunctionalInterface
public interface Transport {

  /**
   * Opens a connection to {@code endpoint}, blocking until it is established.
   *
   * @throws java.net.UnknownHostException if the host does not resolve (to an address of the
   *     transport's family)
   * @throws java.net.ConnectException if every address refused or was unreachable
   * @throws java.net.SocketTimeoutException if connecting took longer than the time-out
   * @param endpoint the host name or address literal, and the port
   * @return the open connection
   */
  Connection open(Endpoint endpoint) throws IOException;
}
