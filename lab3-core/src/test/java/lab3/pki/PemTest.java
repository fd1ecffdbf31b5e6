package lab3.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {
  static final KeyPair RSA = KeyPairs.rsa(2048);
  static final KeyPair EC = KeyPairs.ec(256);
  static final CertificateAuthority CA =
      CertificateAuthority.create(DistinguishedNames.parse("/CN=Pem CA"), EC, Duration.ofDays(1));

  /** What BouncyCastle's openssl-compatible writer makes of an RSA key: PKCS#1. */
  static String traditional(PrivateKey key) throws Exception {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(key);
    }
    return text.toString();
  }

  @Test
  void readsRsaKeysInPkcs8AndPkcs1Form() throws Exception {
    String pkcs8 = Pem.encode(RSA.getPrivate());
    String pkcs1 = traditional(RSA.getPrivate());

    assertTrue(pkcs8.startsWith("-----BEGIN PRIVATE KEY-----"), pkcs8);
    assertTrue(pkcs1.startsWith("-----BEGIN RSA PRIVATE KEY-----"), pkcs1);
    assertArrayEquals(RSA.getPrivate().getEncoded(), Pem.privateKey(pkcs8).getEncoded());
    assertTrue(KeyPairs.matches(Pem.privateKey(pkcs1), RSA.getPublic()));
  }

  /** SEC1, as {@code openssl ecparam -genkey} writes it: the curve inside the key structure. */
  static String sec1(java.security.interfaces.ECPrivateKey key) throws Exception {
    var params =
        org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getEncoded())
            .getPrivateKeyAlgorithm()
            .getParameters();
    var structure = new org.bouncycastle.asn1.sec.ECPrivateKey(256, key.getS(), params);
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(
          new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", structure.getEncoded()));
    }
    return text.toString();
  }

  @Test
  void readsEcKeysInSec1AndPkcs8Form() throws Exception {
    String sec1 = sec1((java.security.interfaces.ECPrivateKey) EC.getPrivate());

    assertTrue(sec1.startsWith("-----BEGIN EC PRIVATE KEY-----"), sec1);
    assertTrue(KeyPairs.matches(Pem.privateKey(sec1), EC.getPublic()));
    assertTrue(KeyPairs.matches(Pem.privateKey(Pem.encode(EC.getPrivate())), EC.getPublic()));
  }

  @Test
  void readsACertificateChainInOrder() throws Exception {
    X509Certificate server =
        CA.issue(CertificateRequest.create(DistinguishedNames.parse("/CN=s"), RSA)).sign();

    List<X509Certificate> chain =
        Pem.certificates(Pem.encode(server) + "\n" + Pem.encode(CA.certificate()));

    assertEquals(List.of(server, CA.certificate()), chain);
  }

  @Test
  void namesWhatItFoundWhenTheTypeIsWrong() {
    var e =
        assertThrows(PemFormatException.class, () -> Pem.privateKey(Pem.encode(CA.certificate())));

    assertEquals("expected a private key, found a certificate", e.getMessage());
  }

  @Test
  void refusesAnEncryptedKeyWithAHint() throws Exception {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(
          new JcaMiscPEMGenerator(
              RSA.getPrivate(),
              new JcePEMEncryptorBuilder("AES-128-CBC")
                  .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                  .build("pw".toCharArray())));
    }

    var e = assertThrows(PemFormatException.class, () -> Pem.privateKey(text.toString()));

    assertTrue(e.getMessage().contains("openssl pkey"), e.getMessage());
  }

  @Test
  void saysSoWhenThereIsNoPemAtAll() {
    var e = assertThrows(PemFormatException.class, () -> Pem.certificates("hello\n"));

    assertTrue(e.getMessage().startsWith("no PEM data found"), e.getMessage());
  }

  @Test
  void writesKeysOwnerOnlyAndNeverOverwritesThem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("key.pem");

    Pem.write(file, EC.getPrivate());

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertArrayEquals(EC.getPrivate().getEncoded(), Pem.readPrivateKey(file).getEncoded());
    assertThrows(FileAlreadyExistsException.class, () -> Pem.write(file, RSA.getPrivate()));
  }

  @Test
  void namesTheFileInReadErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cert.pem");
    Files.writeString(file, Pem.encode(EC.getPrivate()));

    var e = assertThrows(PemFormatException.class, () -> Pem.readCertificates(file));

    assertEquals(file + ": expected a certificate, found a private key", e.getMessage());
  }
}
