package lab3.apps.part1;

import java.net.InetSocketAddress;

/** Formats values the way the lab's Python examples print them. */
final class PythonStyle {
  private PythonStyle() {}

  /** An address as Python prints a socket address tuple: {@code ('127.0.0.1', 5001)}. */
  static String address(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    int zone = host.indexOf('%');
    if (zone >= 0) {
      host = host.substring(0, zone);
    }
    if (host.startsWith("::ffff:")) {
      host = host.substring(7);
    }
    return "('" + host + "', " + address.getPort() + ")";
  }
}
