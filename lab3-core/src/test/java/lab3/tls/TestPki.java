package lab3.tls;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lab3.pki.CertificateAuthority;
import lab3.pki.CertificateRequest;
import lab3.pki.DistinguishedNames;
import lab3.pki.KeyPairs;

/** A CA and server certificates for tests, made once per JVM (RSA key generation is slow-ish). */
final class TestPki {
  static final CertificateAuthority CA =
      CertificateAuthority.create(
          DistinguishedNames.parse("/O=Lab3 tests/CN=Test CA"),
          KeyPairs.ec(256),
          Duration.ofDays(30));
  static final KeyPair SERVER_KEYS = KeyPairs.ec(256);
  static final X509Certificate SERVER = issue(CA, List.of("localhost", "127.0.0.1", "::1"));

  private TestPki() {}

  static X509Certificate issue(CertificateAuthority ca, List<String> names) {
    return ca.issue(request()).names(names).sign();
  }

  static X509Certificate expired() {
    Instant now = Instant.now();
    return CA.issue(request())
        .validity(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)))
        .sign();
  }

  static CertificateRequest request() {
    return CertificateRequest.create(DistinguishedNames.parse("/CN=localhost"), SERVER_KEYS);
  }
}
