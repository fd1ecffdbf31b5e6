package lab3.transport;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Socket addresses as people write them: {@code 127.0.0.1:5003}, {@code [::1]:5003}.
 *
 * <p>The pitfall: an unresolved address (a name) prints as {@code name:port}, never with brackets,
 * since there is no address to tell the family.
 */
public final class Addresses {
  private Addresses() {}

  /**
   * Formats an address for messages and logs. Java's own {@code toString} gives {@code
   * /0:0:0:0:0:0:0:1:5003}; this gives {@code [::1]:5003}.
   *
   * @param address an address and port
   * @return the address as text
   */
  public static String format(SocketAddress address) {
    if (!(address instanceof InetSocketAddress inet)) {
      return String.valueOf(address);
    }
    InetAddress ip = inet.getAddress();
    if (ip == null) {
      return inet.getHostString() + ":" + inet.getPort();
    }
    String host = InetAddresses.toAddrString(ip);
    return (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":" + inet.getPort();
  }
}
