package lab3.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import lab3.pki.internal.Names;
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
 * A certificate signing request (PKCS#10, what {@code openssl req -new} writes): a subject name and
 * a public key, signed with the matching private key to prove the requester holds it. A CA turns it
 * into a certificate with {@link CertificateAuthority#issue}.
 */
public final class CertificateRequest {
  private final PKCS10CertificationRequest request;

  CertificateRequest(PKCS10CertificationRequest request) {
    this.request = request;
  }

  /** A request for {@code subject}, signed with the private half of {@code keys}. */
  public static CertificateRequest create(KeyPair keys, X500Principal subject) {
    try {
      var builder =
          new JcaPKCS10CertificationRequestBuilder(
              X500Name.getInstance(subject.getEncoded()), keys.getPublic());
      var signer =
          new JcaContentSignerBuilder(KeyPairs.signatureAlgorithm(keys.getPrivate()))
              .build(keys.getPrivate());
      return new CertificateRequest(builder.build(signer));
    } catch (OperatorCreationException e) {
      throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
    }
  }

  /** The name the requester asks to be certified as. */
  public X500Principal subject() {
    try {
      return new X500Principal(request.getSubject().getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The public key to certify. */
  public PublicKey publicKey() {
    try {
      return new JcaPKCS10CertificationRequest(request).getPublicKey();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("unreadable public key in the request: " + e.getMessage(), e);
    }
  }

  /**
   * The subject alternative names the request asks for (openssl's {@code -addext
   * subjectAltName=...}), as {@code DNS:name} and {@code IP:address}; usually none.
   */
  public List<String> requestedNames() {
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
  public boolean isSignatureValid() {
    try {
      return request.isSignatureValid(
          new JcaContentVerifierProviderBuilder().build(request.getSubjectPublicKeyInfo()));
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      return false;
    }
  }

  /** The DER encoding. */
  public byte[] encoded() {
    try {
      return request.getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "CertificateRequest[" + DistinguishedNames.format(subject()) + "]";
  }
}
