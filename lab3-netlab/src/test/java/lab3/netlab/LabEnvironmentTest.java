package lab3.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabEnvironmentTest {

  @Test
  void onLoopbackServersBindFreePortsOnTheLoopbackAddresses() throws Exception {
    try (LabEnvironment loopback = LabEnvironment.loopback()) {
      assertEquals("loopback", loopback.name());
      assertTrue(loopback.shared());
      assertFalse(loopback.isolated());
      assertEquals(0, loopback.port(5003));
      assertEquals(InetAddress.getByName("::1"), loopback.serverV6());
      assertEquals(InetAddress.getByName("127.0.0.1"), loopback.serverV4());
      assertEquals("lo", loopback.captureInterface());
      assertEquals(Optional.empty(), loopback.variant(1500, java.time.Duration.ofMillis(5)));
      // A server made on the server's host answers a client made on the client's host.
      try (ServerSocket server =
          loopback.onServer(() -> new ServerSocket(0, 1, loopback.serverV4()))) {
        try (Socket client =
            loopback.onClient(() -> new Socket(loopback.serverV4(), server.getLocalPort()))) {
          assertTrue(client.isConnected());
        }
      }
    }
  }

  @Test
  void theSandboxIsLoopbackWithNoRouteOut() {
    LabEnvironment sandbox = LabEnvironment.sandbox();
    LabEnvironment loopback = LabEnvironment.loopback();
    assertEquals("sandbox", sandbox.name());
    assertTrue(sandbox.isolated());
    assertEquals(loopback.shared(), sandbox.shared());
    assertEquals(loopback.serverV6(), sandbox.serverV6());
    assertEquals(loopback.captureInterface(), sandbox.captureInterface());
    assertTrue(sandbox.profile().contains("no route out"), sandbox.profile());
  }

  @Test
  void aRemoteHostStartsNoServerAndUsesTheLabsPorts() throws Exception {
    LabEnvironment remote =
        LabEnvironment.remote(
            "tcpip.lab",
            InetAddress.getByName("198.18.0.2"),
            null,
            "lo",
            LabEnvironment.loopback());
    assertFalse(remote.startsServers());
    assertEquals(5003, remote.port(5003));
    assertEquals("tcpip.lab", remote.serverName());
    assertEquals(remote.serverV4(), remote.serverV6(), "no IPv6: the IPv4 address for both");
    assertThrows(
        IllegalArgumentException.class,
        () -> LabEnvironment.remote("nowhere", null, null, "lo", LabEnvironment.loopback()));
  }
}
