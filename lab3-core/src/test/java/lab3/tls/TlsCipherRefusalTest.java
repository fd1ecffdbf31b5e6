package lab3.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import lab3.pki.CertificateRequest;
import lab3.pki.DistinguishedNames;
import lab3.pki.KeyPairs;
import lab3.pmu.PmuServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TLS PMU refuses a TLS 1.2 client that offers only a suite without forward secrecy (static RSA
 * key exchange) or without encryption (NULL), with a fatal alert instead of a ServerHello. The
 * ClientHello is written by hand, since the JDK's own client will not offer these suites; the same
 * hello with an allowed suite gets a ServerHello, so the refusal is the suite's and not the
 * hello's. The servers hold an EC and an RSA certificate, so that every suite would have a usable
 * key.
 */
class TlsCipherRefusalTest {
  private static PmuServer ec;
  private static PmuServer rsa;

  @BeforeAll
  static void start() throws IOException {
    ec = server(TestPki.SERVER, TestPki.SERVER_KEYS);
    KeyPair rsaKeys = KeyPairs.rsa(2048);
    X509Certificate rsaCert =
        TestPki.CA
            .issue(CertificateRequest.create(DistinguishedNames.parse("/CN=localhost"), rsaKeys))
            .names(List.of("localhost", "127.0.0.1"))
            .sign();
    rsa = server(rsaCert, rsaKeys);
  }

  private static PmuServer server(X509Certificate cert, KeyPair keys) throws IOException {
    return PmuServer.builder()
        .tls(List.of(cert), keys.getPrivate())
        .bindAddress(InetAddress.getLoopbackAddress())
        .port(0)
        .messages(1)
        .build()
        .start();
  }

  @AfterAll
  static void stop() throws IOException {
    ec.close();
    rsa.close();
  }

  @ParameterizedTest(name = "{0} to the {1} server: {2}")
  @CsvSource({
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, EC, 0xC02B, accepted",
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, RSA, 0xC02F, accepted",
    "TLS_RSA_WITH_AES_128_GCM_SHA256 (no forward secrecy), RSA, 0x009C, refused",
    "TLS_RSA_WITH_AES_256_GCM_SHA384 (no forward secrecy), RSA, 0x009D, refused",
    "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256 (static ECDH), EC, 0xC02D, refused",
    "TLS_ECDHE_ECDSA_WITH_NULL_SHA (NULL cipher), EC, 0xC006, refused",
    "TLS_ECDHE_RSA_WITH_NULL_SHA (NULL cipher), RSA, 0xC010, refused",
    "TLS_RSA_WITH_NULL_SHA256 (NULL cipher), RSA, 0x003B, refused",
  })
  void offersOnlyOneSuite(String suite, String key, String code, String expected)
      throws IOException {
    PmuServer server = key.equals("EC") ? ec : rsa;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(tls12ClientHello(Integer.decode(code)));
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int contentType = in.readUnsignedByte();
      if (expected.equals("accepted")) {
        assertEquals(22, contentType, "a handshake record (ServerHello)");
        return;
      }
      in.skipNBytes(4); // record version, length
      int level = in.readUnsignedByte();
      int description = in.readUnsignedByte();
      assertEquals(21, contentType, "an alert record, not a ServerHello");
      assertEquals(2, level, "fatal");
      assertTrue(
          description == 40 || description == 71,
          "handshake_failure or insufficient_security, got " + description);
    }
  }

  /**
   * A TLS 1.2 ClientHello offering one suite, with the extensions a modern client sends (supported
   * groups, point formats, signature algorithms).
   */
  static byte[] tls12ClientHello(int suite) throws IOException {
    ByteArrayOutputStream extensions = new ByteArrayOutputStream();
    DataOutputStream ext = new DataOutputStream(extensions);
    ext.writeShort(0x000a); // supported_groups: x25519, secp256r1, secp384r1
    ext.writeShort(8);
    ext.writeShort(6);
    ext.writeShort(0x001d);
    ext.writeShort(0x0017);
    ext.writeShort(0x0018);
    ext.writeShort(0x000b); // ec_point_formats: uncompressed
    ext.writeShort(2);
    ext.writeByte(1);
    ext.writeByte(0);
    int[] signatures = {0x0403, 0x0503, 0x0804, 0x0805, 0x0401, 0x0501};
    ext.writeShort(0x000d); // signature_algorithms
    ext.writeShort(2 + signatures.length * 2);
    ext.writeShort(signatures.length * 2);
    for (int s : signatures) {
      ext.writeShort(s);
    }
    ext.writeShort(0xff01); // renegotiation_info, empty
    ext.writeShort(1);
    ext.writeByte(0);

    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(body);
    out.writeShort(0x0303); // TLS 1.2
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    out.write(random);
    out.writeByte(0); // no session id
    out.writeShort(2);
    out.writeShort(suite);
    out.writeByte(1); // compression: null
    out.writeByte(0);
    out.writeShort(extensions.size());
    out.write(extensions.toByteArray());
    byte[] hello = body.toByteArray();

    ByteArrayOutputStream record = new ByteArrayOutputStream();
    DataOutputStream r = new DataOutputStream(record);
    r.writeByte(22); // handshake
    r.writeShort(0x0301);
    r.writeShort(hello.length + 4);
    r.writeByte(1); // client_hello
    r.writeByte(0);
    r.writeShort(hello.length);
    r.write(hello);
    return record.toByteArray();
  }
}
