package lab3.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a host name into addresses. The default asks the system; tests inject a resolver that maps
 * a name to exactly the addresses they need (on many machines {@code localhost} maps to 127.0.0.1
 * only, so it cannot stand for a dual-stack server).
 */
@FunctionalInterface
public interface Resolver {

  /** The system's resolver: {@link InetAddress#getAllByName}, literals parsed without a lookup. */
  Resolver SYSTEM = host -> Arrays.asList(InetAddress.getAllByName(host));

  /**
   * All addresses of {@code host}, IPv4 and IPv6, never empty.
   *
   * @throws UnknownHostException if the name does not resolve
   * @param host a host name or address literal
   * @return all addresses of {@code host}, IPv4 and IPv6, never empty
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
