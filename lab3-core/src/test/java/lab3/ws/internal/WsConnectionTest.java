package lab3.ws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class WsConnectionTest {
  @Test
  void theGateEndsAReadAtTheEndOfAResponseHeadAndHoldsTheRest() throws IOException {
    byte[] wire = "HTTP/1.1 101 OK\r\nA: b\r\n\r\nFRAMES".getBytes(StandardCharsets.US_ASCII);
    WsConnection.HeadGate gate = new WsConnection.HeadGate(new ByteArrayInputStream(wire));
    byte[] buf = new byte[100];
    int n = gate.read(buf, 0, buf.length);
    assertEquals(
        "HTTP/1.1 101 OK\r\nA: b\r\n\r\n", new String(buf, 0, n, StandardCharsets.US_ASCII));
    assertTrue(gate.sawHead);
    gate.open = true;
    n = gate.read(buf, 0, buf.length);
    assertEquals("FRAMES", new String(buf, 0, n, StandardCharsets.US_ASCII));
  }

  @Test
  void theFactorysFormsWithALocalAddressBindToIt() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    int localPort;
    try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
      localPort = probe.getLocalPort(); // free a moment ago; the kernel would pick another
    }
    try (ServerSocket server = new ServerSocket(0, 1, loopback);
        WsConnection connection = new WsConnection(new OkHttpClient(), null);
        Socket socket =
            connection.createSocket(loopback, server.getLocalPort(), loopback, localPort)) {
      assertTrue(socket.isConnected());
      assertEquals(localPort, socket.getLocalPort());
    }
  }
}
