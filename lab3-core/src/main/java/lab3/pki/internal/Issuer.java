package lab3.pki.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The BouncyCastle half of {@link lab3.pki.CertificateAuthority}: building and signing X.509 v3
 * certificates. Apart, so that {@code CertificateAuthority} loads without BouncyCastle and can say
 * that it is missing.
 */
public final class Issuer {
  private Issuer() {}

  /** A self-signed CA certificate for {@code subject}. */
  public static X509Certificate selfSignedCa(
      X500Principal subject,
      KeyPair keys,
      Instant from,
      Instant to,
      BigInteger serial,
      String algorithm) {
    X500Name name = X500Name.getInstance(subject.getEncoded());
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  name, serial, Date.from(from), Date.from(to), name, keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(keys.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  utils.createAuthorityKeyIdentifier(keys.getPublic()));
      return sign(builder, keys.getPrivate(), algorithm);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make the CA certificate: " + e.getMessage(), e);
    }
  }

  /** A server certificate for {@code subject} and {@code subjectKey}, signed by the CA. */
  public static X509Certificate issue(
      X509Certificate ca,
      PrivateKey caKey,
      X500Principal subject,
      PublicKey subjectKey,
      Instant from,
      Instant to,
      List<String> names,
      BigInteger serial,
      String algorithm) {
    int usage =
        "RSA".equals(subjectKey.getAlgorithm())
            ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
            : KeyUsage.digitalSignature;
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  ca, serial, Date.from(from), Date.from(to), subject, subjectKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(Extension.subjectAlternativeName, false, Names.parse(names))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(subjectKey))
              .addExtension(
                  Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
      return sign(builder, caKey, algorithm);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot issue the certificate: " + e.getMessage(), e);
    }
  }

  private static X509Certificate sign(
      X509v3CertificateBuilder builder, PrivateKey key, String algorithm)
      throws GeneralSecurityException {
    try {
      var signer = new JcaContentSignerBuilder(algorithm).build(key);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }
}
