package lab3.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpTransportTest {

  /** A port with nobody listening: bound then closed. */
  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void refusedConnectionNamesTheEndpoint() throws Exception {
    int port = closedPort();
    ConnectException e =
        assertThrows(
            ConnectException.class,
            () -> TcpTransport.create().open(new Endpoint("127.0.0.1", port)));
    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
  }

  @Test
  void ipv6OnlyRefusesANameWithOnlyIpv4Addresses() {
    Transport t =
        TcpTransport.builder()
            .family(Family.IPV6_ONLY)
            .resolver(host -> List.of(InetAddress.getByName("127.0.0.1")))
            .build();
    UnknownHostException e =
        assertThrows(UnknownHostException.class, () -> t.open(new Endpoint("v4only.test", 1)));
    assertTrue(e.getMessage().contains("no IPv6 address"), e.getMessage());
  }

  @Test
  void fallsBackToTheNextAddressWhenTheFirstRefuses() throws Exception {
    try (ServerSocket v4 = new ServerSocket()) {
      v4.bind(new InetSocketAddress("127.0.0.1", 0));
      // ::1 comes first (ANY prefers IPv6) but nothing listens there on this port.
      Transport t =
          TcpTransport.builder()
              .resolver(
                  host -> List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")))
              .build();
      try (Connection c = t.open(new Endpoint("dual.test", v4.getLocalPort()));
          Socket accepted = v4.accept()) {
        assertEquals(
            "127.0.0.1", ((InetSocketAddress) c.remoteAddress()).getAddress().getHostAddress());
      }
    }
  }
}
