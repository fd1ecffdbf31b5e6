package lab3.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import lab3.pki.KeyPairs;
import lab3.pmu.FloodText;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuServer;
import lab3.tls.internal.TlsPolicy;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsPmuServerTest {
  private final BlockingQueue<String> log = new LinkedBlockingQueue<>();
  private PmuServer pmu;

  @BeforeEach
  void start() throws IOException {
    pmu =
        PmuServer.builder()
            .tls(List.of(TestPki.SERVER), TestPki.SERVER_KEYS.getPrivate())
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .messages(5)
            .floodText(FloodText.generated(100_000))
            .log(log::add)
            .build()
            .start();
  }

  @AfterEach
  void stop() throws IOException {
    pmu.close();
  }

  private PmuClient client(List<TlsSessionInfo> sessions) {
    return PmuClient.builder()
        .transport(
            TlsTransport.builder()
                .trust(TestPki.CA.certificate())
                .onHandshake(sessions::add)
                .build())
        .build();
  }

  private List<String> send(String command, List<TlsSessionInfo> sessions) throws IOException {
    List<String> messages = new ArrayList<>();
    client(sessions)
        .send(
            new Endpoint("localhost", pmu.port()),
            PmuCommand.parse(command),
            new PmuListener() {
              @Override
              public void onMessage(String message) {
                messages.add(message);
              }
            });
    return messages;
  }

  @Test
  void servesThePart2ProtocolOverTls() throws Exception {
    List<TlsSessionInfo> sessions = new ArrayList<>();

    List<String> messages = send("CMD_short:0", sessions);

    assertEquals(
        List.of(
            "This is PMU data 1",
            "This is PMU data 2",
            "This is PMU data 3",
            "This is PMU data 4",
            "This is PMU data 5"),
        messages);
    TlsSessionInfo session = sessions.getFirst();
    assertEquals("TLSv1.3", session.protocol());
    assertTrue(TlsPolicy.allows(session.cipherSuite()), session.cipherSuite());
    assertEquals("CN=localhost", session.peerSubject());
  }

  @Test
  void servesFloodmeOverTls() throws Exception {
    StringBuilder text = new StringBuilder();
    PmuClient.builder()
        .transport(TlsTransport.builder().trust(TestPki.CA.certificate()).build())
        .build()
        .send(
            new Endpoint("127.0.0.1", pmu.port()),
            PmuCommand.parse("CMD_floodme"),
            new PmuListener() {
              @Override
              public void onText(CharSequence chunk) {
                text.append(chunk);
              }
            });
    assertEquals(100_000, text.toString().getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void aPlainTcpClientIsOneLogLineAndDoesNotDisturbOtherSessions() throws Exception {
    try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), pmu.port());
        Socket silent = new Socket(InetAddress.getLoopbackAddress(), pmu.port())) {
      // "silent" connected and never starts its handshake: sessions must not wait for it.
      assertTrue(silent.isConnected());
      plain.getOutputStream().write("CMD_short:0".getBytes(StandardCharsets.US_ASCII));
      assertEquals(-1, readToEnd(plain.getInputStream()), "the server closes a plain client");

      String line = log.poll(10, TimeUnit.SECONDS);
      assertTrue(line != null && line.contains("TLS handshake failed"), String.valueOf(line));

      assertEquals(5, send("CMD_short:0", new ArrayList<>()).size());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"SSLv3, 0x0300", "TLSv1.0, 0x0301", "TLSv1.1, 0x0302"})
  void refusesOldProtocolVersions(String name, String version) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), pmu.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(RawClientHello.of(Integer.decode(version)));
      DataInputStream in = new DataInputStream(socket.getInputStream());

      int contentType = in.readUnsignedByte();
      in.skipNBytes(4); // record version, length
      int level = in.readUnsignedByte();
      int description = in.readUnsignedByte();

      assertEquals(21, contentType, "an alert record, not a ServerHello");
      assertEquals(2, level, "fatal");
      assertTrue(description == 70 || description == 40, "protocol_version or handshake_failure");
    }
    String line = log.poll(10, TimeUnit.SECONDS);
    assertTrue(line != null && line.contains("TLS handshake failed"), String.valueOf(line));
  }

  @Test
  void negotiatesAnAeadSuiteWithTls12Clients() throws Exception {
    try (SSLSocket socket = jdkClient("TLSv1.2", null)) {
      socket.startHandshake();
      assertEquals("TLSv1.2", socket.getSession().getProtocol());
      assertTrue(
          socket.getSession().getCipherSuite().matches("TLS_ECDHE_ECDSA_WITH_.*(GCM|POLY1305).*"),
          socket.getSession().getCipherSuite());
    }
  }

  @Test
  void servesATls12SessionToItsEnd() throws Exception {
    try (SSLSocket socket = jdkClient("TLSv1.2", null)) {
      socket.getOutputStream().write("CMD_short:0".getBytes(StandardCharsets.US_ASCII));

      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

      assertEquals(
          "This is PMU data 1This is PMU data 2This is PMU data 3This is PMU data 4"
              + "This is PMU data 5",
          answer,
          "all messages, then a clean close_notify");
    }
  }

  @Test
  void refusesAClientThatOffersOnlyCbcSuites() throws Exception {
    try (SSLSocket socket = jdkClient("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256")) {
      assertThrows(SSLHandshakeException.class, socket::startHandshake);
    }
    String line = log.poll(10, TimeUnit.SECONDS);
    assertTrue(line != null && line.contains("TLS handshake failed"), String.valueOf(line));
  }

  @Test
  void refusesAKeyThatDoesNotBelongToTheCertificate() {
    var other = KeyPairs.ec(256).getPrivate();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PmuServer.builder().tls(List.of(TestPki.SERVER), other));
    assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
  }

  @Test
  void servesATls12SessionToTheEnd() throws Exception {
    try (SSLSocket socket = jdkClient("TLSv1.2", null)) {
      socket.startHandshake();
      socket.getOutputStream().write("CMD_short:0".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(5, all.split("This is PMU data", -1).length - 1, all);
    }
  }

  /**
   * A TLS 1.2 client may ask for a new handshake on the same connection at any time; each costs the
   * server a key exchange and a signature, so a client repeating it is a cheap denial of service
   * (what TLS audits report as "client-initiated renegotiation"). The server refuses with a fatal
   * alert and the connection ends.
   */
  @Test
  void refusesARenegotiationAskedForByTheClient() throws Exception {
    try (SSLSocket socket = jdkClient("TLSv1.2", null)) {
      socket.startHandshake();
      assertEquals("TLSv1.2", socket.getSession().getProtocol());

      // The server now waits for the command; a new ClientHello on the established connection:
      socket.startHandshake();
      socket.getOutputStream().write("CMD_short:0".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      IOException refused = assertThrows(IOException.class, () -> readAll(socket.getInputStream()));
      assertTrue(
          refused instanceof javax.net.ssl.SSLException
              || refused instanceof java.net.SocketException,
          refused.toString());
    }
    assertTrue(
        log.poll(10, TimeUnit.SECONDS).contains("renegotiation"), "the server logs the refusal");
  }

  /** Reads to the end; returns normally only if the server let the renegotiation through. */
  private static void readAll(InputStream in) throws IOException {
    while (in.read() >= 0) {
      // the rest of the messages
    }
  }

  private SSLSocket jdkClient(String protocol, String suite) throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    var store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", TestPki.CA.certificate());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), new SecureRandom());
    SSLSocket socket =
        (SSLSocket)
            context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), pmu.port());
    socket.setSoTimeout(10_000);
    socket.setEnabledProtocols(new String[] {protocol});
    if (suite != null) {
      socket.setEnabledCipherSuites(new String[] {suite});
    }
    return socket;
  }

  private static int readToEnd(InputStream in) throws IOException {
    try {
      while (in.read() >= 0) {
        // discard
      }
      return -1;
    } catch (java.net.SocketException reset) {
      return -1; // a reset also ends it
    }
  }

  /**
   * A ClientHello of an old protocol version, built by hand: the JDK's own client refuses to send
   * one (java.security disables TLS 1.0 and 1.1), so this is how a test can be an old client.
   */
  static final class RawClientHello {
    static byte[] of(int version) throws IOException {
      var body = new java.io.ByteArrayOutputStream();
      var out = new java.io.DataOutputStream(body);
      out.writeShort(version); // client_version
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      out.write(random);
      out.writeByte(0); // no session id
      int[] suites = {0xC013, 0xC014, 0x002F, 0x0035, 0x000A}; // CBC suites of the era
      out.writeShort(suites.length * 2);
      for (int s : suites) {
        out.writeShort(s);
      }
      out.writeByte(1); // one compression method: null
      out.writeByte(0);
      byte[] hello = body.toByteArray();

      var record = new java.io.ByteArrayOutputStream();
      var r = new java.io.DataOutputStream(record);
      r.writeByte(22); // handshake
      r.writeShort(Math.min(version, 0x0301));
      r.writeShort(hello.length + 4);
      r.writeByte(1); // client_hello
      r.writeByte(0);
      r.writeShort(hello.length);
      r.write(hello);
      return record.toByteArray();
    }
  }
}
