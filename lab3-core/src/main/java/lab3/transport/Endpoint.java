package lab3.transport;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Where a client connects: a host name or address literal, and a port.
 *
 * <p>The host is kept as given ("tcpip.epfl.ch", "::1", "127.0.0.1") and resolved by the {@link
 * Transport} that opens it, so that the transport can apply its own address-family policy.
 *
 * <p>The pitfall: a host is not resolved here, so a typo fails only when a transport opens it
 * ({@link java.net.UnknownHostException}); {@code toString} puts IPv6 literals in brackets, as URLs
 * need.
 *
 * @param host a host name or an IPv4/IPv6 literal, without brackets
 * @param port 1 to 65535
 */
public record Endpoint(String host, int port) {
  /** Validates the components; a host in brackets ({@code [::1]}) loses them. */
  public Endpoint {
    checkArgument(host != null && !host.isBlank(), "host must not be empty");
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1); // accept "[::1]" as users often write it
    }
    checkArgument(port >= 1 && port <= 65535, "port must be between 1 and 65535, got %s", port);
  }

  /** Formats as {@code host:port}, with brackets around IPv6 literals. */
  @Override
  public String toString() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
