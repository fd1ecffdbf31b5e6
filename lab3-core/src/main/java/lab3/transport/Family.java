package lab3.transport;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;

/**
 * Which IP versions a transport may use.
 *
 * <p>A note on Java: on a dual-stack host the JDK opens every TCP socket as an IPv6 socket and
 * reaches IPv4 peers through IPv4-mapped addresses ({@code ::ffff:a.b.c.d}), exactly what the lab
 * asks of Part 2. The family therefore chooses which <em>addresses</em> of a name are tried, and in
 * which order.
 *
 * <p>The pitfall: {@link #IPV6_ONLY} with a name that has only IPv4 addresses fails to resolve
 * rather than falling back to IPv4.
 */
public enum Family {
  /** IPv6 addresses only; a name with only IPv4 addresses fails to resolve. */
  IPV6_ONLY,
  /** IPv4 addresses only. */
  IPV4_ONLY,
  /** Every address, IPv6 ones first. */
  ANY;

  /**
   * True if this family may use {@code address}.
   *
   * @param address the address
   * @return whether this family may use {@code address}
   */
  public boolean accepts(InetAddress address) {
    return switch (this) {
      case IPV6_ONLY -> address instanceof Inet6Address;
      case IPV4_ONLY -> address instanceof Inet4Address;
      case ANY -> true;
    };
  }

  /**
   * The addresses this family may use, in the order to try them (IPv6 first).
   *
   * @param addresses the addresses
   * @return the addresses this family may use, in the order to try them (IPv6 first)
   */
  public List<InetAddress> select(List<InetAddress> addresses) {
    return addresses.stream()
        .filter(this::accepts)
        .sorted(Comparator.comparing(a -> a instanceof Inet6Address ? 0 : 1))
        .toList();
  }
}
