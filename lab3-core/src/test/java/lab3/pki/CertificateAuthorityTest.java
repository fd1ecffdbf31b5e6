package lab3.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import lab3.pki.internal.CertificateNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {
  static final KeyPair SERVER = KeyPairs.ec(256);

  @Test
  void issuesServerCertificatesTheCaSignedWithTheExtensionsTlsClientsCheck() throws Exception {
    CertificateAuthority ca = PemTest.CA;
    CertificateRequest request =
        CertificateRequest.create(DistinguishedNames.parse("/O=EPFL/CN=123456"), SERVER);

    X509Certificate cert = ca.issue(request).names(List.of("localhost", "::1")).sign();

    cert.verify(ca.certificate().getPublicKey());
    cert.checkValidity();
    assertEquals(new X500Principal("CN=123456,O=EPFL"), cert.getSubjectX500Principal());
    assertEquals(ca.certificate().getSubjectX500Principal(), cert.getIssuerX500Principal());
    assertEquals(List.of("DNS:localhost", "IP:::1"), CertificateNames.of(cert));
    assertEquals(-1, cert.getBasicConstraints(), "not a CA");
    assertEquals(List.of("1.3.6.1.5.5.7.3.1"), cert.getExtendedKeyUsage(), "serverAuth");
    assertTrue(cert.getKeyUsage()[0], "digitalSignature");
    assertEquals(SERVER.getPublic(), cert.getPublicKey());
  }

  @Test
  void theCaCertificateIsASelfSignedCa() throws Exception {
    X509Certificate ca = PemTest.CA.certificate();

    ca.verify(ca.getPublicKey());
    assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
    assertTrue(ca.getBasicConstraints() >= 0);
    assertTrue(ca.getKeyUsage()[5], "keyCertSign");
  }

  @Test
  void givesThisMachinesNamesByDefault() {
    X509Certificate cert =
        PemTest.CA
            .issue(CertificateRequest.create(DistinguishedNames.parse("/CN=x"), SERVER))
            .sign();

    assertEquals(List.of("DNS:localhost", "IP:127.0.0.1", "IP:::1"), CertificateNames.of(cert));
  }

  @Test
  void refusesARequestWhoseSignatureDoesNotVerify() throws Exception {
    byte[] der = CertificateRequest.create(DistinguishedNames.parse("/CN=x"), SERVER).encoded();
    der[der.length - 3] ^= 0x55; // inside the signature
    String pem =
        "-----BEGIN CERTIFICATE REQUEST-----\n"
            + java.util.Base64.getMimeEncoder().encodeToString(der)
            + "\n-----END CERTIFICATE REQUEST-----\n";
    CertificateRequest forged = Pem.certificateRequest(pem);

    assertFalse(forged.isSignatureValid());
    assertThrows(IllegalArgumentException.class, () -> PemTest.CA.issue(forged).sign());
  }

  @Test
  void refusesNamesThatAreNeitherHostsNorAddresses() {
    CertificateRequest request =
        CertificateRequest.create(DistinguishedNames.parse("/CN=x"), SERVER);

    assertThrows(
        IllegalArgumentException.class,
        () -> PemTest.CA.issue(request).names(List.of("local host")));
  }

  @Test
  void savesAndLoadsTheOpensslLayout(@TempDir Path dir) throws Exception {
    CertificateAuthority ca =
        CertificateAuthority.create(
            DistinguishedNames.parse("/CN=Saved"), KeyPairs.ec(256), Duration.ofDays(1));

    ca.save(dir);
    CertificateAuthority loaded = CertificateAuthority.load(dir);

    assertEquals(ca.certificate(), loaded.certificate());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cakey.pem"))));
  }

  @Test
  void refusesACaKeyThatDoesNotBelongToTheCertificate() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CertificateAuthority.of(PemTest.CA.certificate(), SERVER.getPrivate()));
  }
}
