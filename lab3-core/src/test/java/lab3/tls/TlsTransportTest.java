package lab3.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import lab3.pki.CertificateAuthority;
import lab3.pki.DistinguishedNames;
import lab3.pki.KeyPairs;
import lab3.pmu.PmuServer;
import lab3.tls.TlsHandshakeException.Reason;
import lab3.transport.Connection;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.Test;

class TlsTransportTest {

  private static PmuServer server(X509Certificate certificate) throws IOException {
    return PmuServer.builder()
        .tls(List.of(certificate), TestPki.SERVER_KEYS.getPrivate())
        .bindAddress(InetAddress.getLoopbackAddress())
        .port(0)
        .build()
        .start();
  }

  private static TlsHandshakeException refused(X509Certificate certificate, String host)
      throws IOException {
    try (PmuServer pmu = server(certificate)) {
      TlsTransport tls = TlsTransport.builder().trust(TestPki.CA.certificate()).build();
      return assertThrows(
          TlsHandshakeException.class, () -> tls.open(new Endpoint(host, pmu.port())).close());
    }
  }

  @Test
  void connectsByEveryNameTheCertificateHolds() throws Exception {
    try (PmuServer pmu = server(TestPki.SERVER)) {
      TlsTransport tls = TlsTransport.builder().trust(TestPki.CA.certificate()).build();
      for (String host : List.of("localhost", "127.0.0.1")) {
        try (Connection c = tls.open(new Endpoint(host, pmu.port()))) {
          assertTrue(c.remoteAddress().toString().contains("127.0.0.1"));
        }
      }
    }
  }

  @Test
  void refusesACertificateFromAnotherCa() throws Exception {
    CertificateAuthority other =
        CertificateAuthority.create(
            DistinguishedNames.parse("/CN=Other CA"), KeyPairs.ec(256), Duration.ofDays(1));

    TlsHandshakeException e = refused(TestPki.issue(other, List.of("localhost")), "localhost");

    assertEquals(Reason.UNTRUSTED_CERTIFICATE, e.reason());
    assertEquals(
        "untrusted certificate: CN=localhost is signed by CN=Other CA, not by the trusted CA"
            + " CN=Test CA,O=Lab3 tests",
        e.getMessage());
  }

  @Test
  void refusesACertificateFromAnImpostorCaWithTheTrustedName() throws Exception {
    CertificateAuthority impostor =
        CertificateAuthority.create(
            TestPki.CA.certificate().getSubjectX500Principal(),
            KeyPairs.ec(256),
            Duration.ofDays(1));

    TlsHandshakeException e = refused(TestPki.issue(impostor, List.of("localhost")), "localhost");

    assertEquals(Reason.UNTRUSTED_CERTIFICATE, e.reason());
    assertTrue(e.getMessage().contains("another key signed it"), e.getMessage());
  }

  @Test
  void refusesAnExpiredCertificate() throws Exception {
    TlsHandshakeException e = refused(TestPki.expired(), "localhost");

    assertEquals(Reason.EXPIRED_CERTIFICATE, e.reason());
    assertTrue(
        e.getMessage().matches("expired certificate: CN=localhost expired on \\d{4}-.* UTC"),
        e.getMessage());
  }

  @Test
  void refusesAHostNameTheCertificateDoesNotHold() throws Exception {
    X509Certificate forExample = TestPki.issue(TestPki.CA, List.of("example.org", "192.0.2.1"));

    TlsHandshakeException byName = refused(forExample, "localhost");
    TlsHandshakeException byAddress = refused(forExample, "127.0.0.1");

    assertEquals(Reason.HOST_NAME_MISMATCH, byName.reason());
    assertEquals(
        "host name mismatch: the certificate of CN=localhost is for DNS:example.org,"
            + " IP:192.0.2.1, not for 'localhost'",
        byName.getMessage());
    assertEquals(Reason.HOST_NAME_MISMATCH, byAddress.reason());
    assertTrue(byAddress.getMessage().endsWith("not for '127.0.0.1'"), byAddress.getMessage());
  }

  @Test
  void saysSoWhenTheServerDoesNotSpeakTls() throws Exception {
    try (PmuServer plain =
        PmuServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0).build().start()) {
      TlsTransport tls = TlsTransport.builder().trust(TestPki.CA.certificate()).build();

      var e =
          assertThrows(
              TlsHandshakeException.class, () -> tls.open(new Endpoint("localhost", plain.port())));

      assertEquals(Reason.NOT_TLS, e.reason());
    }
  }

  @Test
  void saysSoWhenTheServerClosesDuringTheHandshake() throws Exception {
    try (ServerSocket rude = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  rude.accept().close();
                } catch (IOException ignored) {
                  // test ends
                }
              });
      TlsTransport tls = TlsTransport.builder().trust(TestPki.CA.certificate()).build();

      var e =
          assertThrows(
              TlsHandshakeException.class,
              () -> tls.open(new Endpoint("localhost", rude.getLocalPort())));

      assertEquals(Reason.REFUSED, e.reason());
      assertTrue(e.getMessage().contains("during the TLS handshake"), e.getMessage());
    }
  }

  @Test
  void needsATrustedCa() {
    assertThrows(IllegalArgumentException.class, () -> TlsTransport.builder().build());
  }

  @Test
  void refusesACertificateThatNamesItsHostInTheCommonNameOnly() throws Exception {
    // The JDK's own check accepts CN=localhost for "localhost" when there is no DNS name at all;
    // RFC 6125 deprecates that fallback, and this client refuses it.
    java.time.Instant now = java.time.Instant.now();
    org.bouncycastle.asn1.x500.X500Name ca =
        org.bouncycastle.asn1.x500.X500Name.getInstance(
            TestPki.CA.certificate().getSubjectX500Principal().getEncoded());
    var builder =
        new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
            ca,
            java.math.BigInteger.valueOf(now.toEpochMilli()),
            java.util.Date.from(now.minus(Duration.ofHours(1))),
            java.util.Date.from(now.plus(Duration.ofDays(1))),
            new org.bouncycastle.asn1.x500.X500Name("CN=localhost"),
            TestPki.SERVER_KEYS.getPublic());
    var signer =
        new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
            .build(TestPki.CA.privateKey());
    X509Certificate commonNameOnly =
        new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
            .getCertificate(builder.build(signer));

    TlsHandshakeException e = refused(commonNameOnly, "localhost");

    assertEquals(Reason.HOST_NAME_MISMATCH, e.reason());
    assertTrue(e.getMessage().contains("no subject alternative names"), e.getMessage());
  }

  @Test
  void changingTheBuilderAfterBuildChangesNothingOfTheTransport() throws Exception {
    CertificateAuthority other =
        CertificateAuthority.create(
            DistinguishedNames.parse("/CN=Other CA"), KeyPairs.ec(256), Duration.ofDays(1));
    try (PmuServer pmu = server(TestPki.issue(other, List.of("localhost")))) {
      TlsTransport.Builder builder = TlsTransport.builder().trust(TestPki.CA.certificate());
      TlsTransport built = builder.build();
      builder.trust(other.certificate()); // too late for the transport built above
      assertThrows(
          TlsHandshakeException.class,
          () -> built.open(new Endpoint("localhost", pmu.port())).close());
      builder.build().open(new Endpoint("localhost", pmu.port())).close(); // a new one trusts it
    }
  }
}
