package lab3.pki;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import lab3.internal.OptionalDependency;
import lab3.pki.internal.Csrs;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

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

  /**
   * A request for {@code subject}, signed with the private half of {@code keys}: subject first, as
   * in {@link CertificateAuthority#create(X500Principal, KeyPair, java.time.Duration)}.
   *
   * @param subject the name to be certified as
   * @param keys the key pair to certify (RSA or EC); its private key signs the request
   * @return the signed request
   * @throws IllegalArgumentException if the key cannot sign
   * @throws IllegalStateException if BouncyCastle is missing, naming the artifact
   */
  public static CertificateRequest create(X500Principal subject, KeyPair keys) {
    OptionalDependency.BOUNCY_CASTLE.require("lab3.pki.CertificateRequest");
    return new CertificateRequest(
        Csrs.create(subject, keys, KeyPairs.signatureAlgorithm(keys.getPrivate())));
  }

  /**
   * The name the requester asks to be certified as.
   *
   * @return the subject
   */
  public X500Principal subject() {
    return Csrs.subject(request);
  }

  /**
   * The public key to certify.
   *
   * @return the key
   */
  public PublicKey publicKey() {
    return Csrs.publicKey(request);
  }

  /**
   * The subject alternative names the request asks for (openssl's {@code -addext
   * subjectAltName=...}), as {@code DNS:name} and {@code IP:address}; usually none.
   *
   * @return the names, possibly empty
   */
  public List<String> requestedNames() {
    return Csrs.requestedNames(request);
  }

  /**
   * True if the request's signature verifies with its own public key.
   *
   * @return whether the signature verifies
   */
  public boolean isSignatureValid() {
    return Csrs.isSignatureValid(request);
  }

  /**
   * The DER encoding.
   *
   * @return a new array
   */
  public byte[] encoded() {
    return Csrs.encoded(request);
  }

  @Override
  public String toString() {
    return "CertificateRequest[" + DistinguishedNames.format(subject()) + "]";
  }
}
