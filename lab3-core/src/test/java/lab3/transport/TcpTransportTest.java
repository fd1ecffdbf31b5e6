package lab3.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
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
            .family(Family.IPV6)
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

  private static final InetAddress V6 = loopback("::1");
  private static final InetAddress V4 = loopback("127.0.0.1");

  private static InetAddress loopback(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** A transport that resolves every name to ::1 then 127.0.0.1 and records its attempts. */
  private static TcpTransport.Builder dualStack(List<ConnectAttempt> attempts) {
    return TcpTransport.builder().resolver(host -> List.of(V4, V6)).onAttempt(attempts::add);
  }

  private static List<String> events(List<ConnectAttempt> attempts) {
    return attempts.stream().map(a -> a.number() + " " + a.outcome()).toList();
  }

  @Test
  void anUnansweredIpv6AddressCostsOneAttemptDelayThenIpv4Connects() throws Exception {
    try (ServerSocket v4 = new ServerSocket()) {
      v4.bind(new InetSocketAddress(V4, 0));
      try (BlackHole v6 = new BlackHole(V6, v4.getLocalPort())) {
        List<ConnectAttempt> attempts = new ArrayList<>();
        Transport t =
            dualStack(attempts)
                .connectTimeout(Duration.ofSeconds(20))
                .attemptDelay(Duration.ofMillis(250))
                .build();
        try (Connection c = t.open(new Endpoint("dual.test", v4.getLocalPort()));
            Socket accepted = v4.accept()) {
          assertEquals(V4, ((InetSocketAddress) c.remoteAddress()).getAddress());
        }
        assertEquals(
            List.of("1 STARTED", "2 STARTED", "2 CONNECTED", "1 ABANDONED"), events(attempts));
        assertEquals(V6, attempts.get(0).address().getAddress(), "IPv6 first");
        // The IPv4 attempt waited for the delay (attempt 1 had not failed), not for the time-out.
        assertTrue(
            attempts.get(1).elapsed().compareTo(Duration.ofMillis(250)) >= 0, attempts.toString());
        assertTrue(
            attempts.get(2).elapsed().compareTo(Duration.ofSeconds(20)) < 0, attempts.toString());
        assertTrue(
            attempts.get(1).describe().contains("(as ::ffff:127.0.0.1 on the IPv6 socket)"),
            attempts.get(1).describe());
      }
    }
  }

  @Test
  void aWorkingIpv6AddressWinsAloneWhenItAnswersWithinTheDelay() throws Exception {
    try (ServerSocket v6 = new ServerSocket()) {
      v6.bind(new InetSocketAddress(V6, 0));
      List<ConnectAttempt> attempts = new ArrayList<>();
      // 2 s, the longest delay allowed: a loopback connect answers far within it.
      Transport t = dualStack(attempts).attemptDelay(Duration.ofSeconds(2)).build();
      try (Connection c = t.open(new Endpoint("dual.test", v6.getLocalPort()));
          Socket accepted = v6.accept()) {
        assertEquals(V6, ((InetSocketAddress) c.remoteAddress()).getAddress());
      }
      assertEquals(List.of("1 STARTED", "1 CONNECTED"), events(attempts));
    }
  }

  @Test
  void aRefusedAddressStartsTheNextAtOnce() throws Exception {
    try (ServerSocket v4 = new ServerSocket()) {
      v4.bind(new InetSocketAddress(V4, 0));
      List<ConnectAttempt> attempts = new ArrayList<>();
      Transport t = dualStack(attempts).attemptDelay(Duration.ofSeconds(2)).build();
      try (Connection c = t.open(new Endpoint("dual.test", v4.getLocalPort()));
          Socket accepted = v4.accept()) {
        assertEquals(V4, ((InetSocketAddress) c.remoteAddress()).getAddress());
      }
      assertEquals(List.of("1 STARTED", "1 FAILED", "2 STARTED", "2 CONNECTED"), events(attempts));
      assertTrue(attempts.get(1).failure().contains("refused"), attempts.get(1).failure());
    }
  }

  @Test
  void aTimeOutCoversEveryAddressAndNamesEachAttempt() throws Exception {
    try (BlackHole v4 = new BlackHole(V4, 0);
        BlackHole v6 = new BlackHole(V6, v4.port())) {
      List<ConnectAttempt> attempts = new ArrayList<>();
      Transport t =
          dualStack(attempts)
              .connectTimeout(Duration.ofMillis(600))
              .attemptDelay(Duration.ofMillis(100))
              .build();
      SocketTimeoutException e =
          assertThrows(
              SocketTimeoutException.class, () -> t.open(new Endpoint("dual.test", v4.port())));
      assertEquals(
          "connecting to dual.test:"
              + v4.port()
              + " timed out after 0.6 s ([::1]:"
              + v4.port()
              + ": no answer; 127.0.0.1:"
              + v4.port()
              + ": no answer)",
          e.getMessage());
      assertEquals(List.of("1 STARTED", "2 STARTED", "1 FAILED", "2 FAILED"), events(attempts));
    }
  }

  @Test
  void everyRefusalIsNamedWhenNoAddressConnects() throws Exception {
    int port = closedPort();
    Transport t = dualStack(new ArrayList<>()).build();
    ConnectException e =
        assertThrows(ConnectException.class, () -> t.open(new Endpoint("dual.test", port)));
    assertTrue(
        e.getMessage().startsWith("cannot connect to dual.test:" + port + ": [::1]:" + port + ": "),
        e.getMessage());
    assertTrue(e.getMessage().contains("; 127.0.0.1:" + port + ": "), e.getMessage());
  }

  @Test
  void attemptDelayOutsideTheRfcBoundsIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> TcpTransport.builder().attemptDelay(Duration.ofMillis(5)));
    assertThrows(
        IllegalArgumentException.class,
        () -> TcpTransport.builder().attemptDelay(Duration.ofSeconds(3)));
  }

  @Test
  void changingTheBuilderAfterBuildChangesNothingOfTheTransport() {
    TcpTransport.Builder builder = TcpTransport.builder().family(Family.IPV4);
    TcpTransport built = builder.build();
    builder.family(Family.IPV6);
    assertEquals(Family.IPV4, built.family());
  }
}
