package lab3.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuServer;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TLS PMU against clients that die mid-session, stop half-way through their ClientHello, or
 * never start the handshake: each costs one log line, silent ones are dropped after the command
 * time-out, and the next session is served.
 */
class TlsFaultsTest {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(1500);

  private final BlockingQueue<String> log = new LinkedBlockingQueue<>();
  private PmuServer pmu;

  @BeforeEach
  void start() throws IOException {
    pmu =
        PmuServer.builder()
            .tls(List.of(TestPki.SERVER), TestPki.SERVER_KEYS.getPrivate())
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .messages(50)
            .commandTimeout(COMMAND_TIMEOUT)
            .log(log::add)
            .build()
            .start();
  }

  @AfterEach
  void stop() throws IOException {
    pmu.close();
  }

  private void assertNextSessionIsServed() throws Exception {
    List<String> messages = new ArrayList<>();
    PmuClient.builder()
        .transport(TlsTransport.builder().trust(TestPki.CA.certificate()).build())
        .build()
        .send(
            new Endpoint("localhost", pmu.port()),
            PmuCommand.parse("CMD_short:0"),
            new PmuListener() {
              @Override
              public void onMessage(String message) {
                messages.add(message);
              }
            });
    assertEquals(50, messages.size());
  }

  private String oneLine() throws InterruptedException {
    String line = log.poll(20, TimeUnit.SECONDS);
    assertTrue(line != null && !line.contains("\n"), String.valueOf(line));
    return line;
  }

  @Test
  void clientKilledMidAnswerCostsOneLogLine() throws Exception {
    var context = javax.net.ssl.SSLContext.getInstance("TLS");
    var trust =
        javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    var store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", TestPki.CA.certificate());
    trust.init(store);
    context.init(null, trust.getTrustManagers(), null);
    int localPort;
    try (SSLSocket killed =
        (SSLSocket)
            context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), pmu.port())) {
      localPort = killed.getLocalPort();
      killed.getOutputStream().write("CMD_short:0.2".getBytes(StandardCharsets.US_ASCII));
      assertTrue(killed.getInputStream().read() >= 0, "the first message arrives");
      killed.setSoLinger(true, 0); // the process died: RST, no close_notify
    }
    String line = oneLine();
    assertTrue(line.contains(":" + localPort), line);
    assertNextSessionIsServed();
    String served = oneLine();
    assertTrue(served.contains("50 messages"), served);
    assertEquals(null, log.poll(200, TimeUnit.MILLISECONDS), "one line only for the killed one");
  }

  @Test
  void halfAClientHelloIsOneLogLine() throws Exception {
    byte[] hello = TlsPmuServerTest.RawClientHello.of(0x0303);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), pmu.port())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(Arrays.copyOf(hello, hello.length / 2));
      socket.shutdownOutput(); // and nothing more
      readToEnd(socket.getInputStream());
    }
    assertTrue(oneLine().contains("TLS handshake failed"));
    assertNextSessionIsServed();
  }

  @Test
  void clientThatNeverStartsTheHandshakeIsDroppedAfterTheCommandTimeout() throws Exception {
    try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), pmu.port())) {
      silent.setSoTimeout((int) COMMAND_TIMEOUT.toMillis() * 4); // a time-out fails the test
      readToEnd(silent.getInputStream());
    }
    String line = oneLine();
    assertTrue(line.contains("handshake") || line.contains("no command"), line);
  }

  private static void readToEnd(InputStream in) throws IOException {
    try {
      in.readAllBytes();
    } catch (java.net.SocketException reset) {
      // a reset ends it too
    }
  }
}
