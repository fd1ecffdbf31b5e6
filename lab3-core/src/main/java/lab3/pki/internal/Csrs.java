package lab3.pki.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The BouncyCastle half of {@link lab3.pki.CertificateRequest}. Apart, so that {@code
 * CertificateRequest} loads without BouncyCastle and can say that it is missing.
 */
public final class Csrs {
  private Csrs() {}

  /** A request for {@code subject}, signed with {@code keys}' private key and {@code algorithm}. */
  public static PKCS10CertificationRequest create(
      X500Principal subject, KeyPair keys, String algorithm) {
    try {
      var builder =
          new JcaPKCS10CertificationRequestBuilder(
              X500Name.getInstance(subject.getEncoded()), keys.getPublic());
      var signer = new JcaContentSignerBuilder(algorithm).build(keys.getPrivate());
      return builder.build(signer);
    } catch (OperatorCreationException e) {
      throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
    }
  }

  /** The subject of a request. */
  public static X500Principal subject(PKCS10CertificationRequest request) {
    try {
      return new X500Principal(request.getSubject().getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The public key of a request. */
  public static PublicKey publicKey(PKCS10CertificationRequest request) {
    try {
      return new JcaPKCS10CertificationRequest(request).getPublicKey();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("unreadable public key in the request: " + e.getMessage(), e);
    }
  }

  /** The subject alternative names a request asks for, as {@link Names#describe} prints them. */
  public static List<String> requestedNames(PKCS10CertificationRequest request) {
    var attributes = request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
    for (var attribute : attributes) {
      for (var value : attribute.getAttrValues()) {
        Extensions extensions = Extensions.getInstance(value);
        GeneralNames names =
            GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        if (names != null) {
          return Names.describe(names);
        }
      }
    }
    return List.of();
  }

  /** True if the request's signature verifies with its own public key. */
  public static boolean isSignatureValid(PKCS10CertificationRequest request) {
    try {
      return request.isSignatureValid(
          new JcaContentVerifierProviderBuilder().build(request.getSubjectPublicKeyInfo()));
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      return false;
    }
  }

  /** The DER encoding of a request. */
  public static byte[] encoded(PKCS10CertificationRequest request) {
    try {
      return request.getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
