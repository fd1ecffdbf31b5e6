package lab3.pki;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import lab3.internal.OptionalDependency;
import lab3.pki.internal.Issuer;
import lab3.pki.internal.Names;

/**
 * A certificate authority: a self-signed CA certificate and its private key, which sign server
 * certificates. It replaces the course's e-mailed CA: {@code pki ca} makes one, {@code pki sign}
 * issues what {@code openssl req} or {@code pki csr} requested, and {@code openssl verify -CAfile
 * cacert.pem} accepts the result.
 *
 * <pre>{@code
 * CertificateAuthority ca = CertificateAuthority.create(
 *     DistinguishedNames.parse("/CN=Lab3 CA"), KeyPairs.rsa(2048), Duration.ofDays(3650));
 * X509Certificate server = ca.issue(request).names(List.of("localhost", "127.0.0.1")).sign();
 * }</pre>
 *
 * <p>Issued certificates are X.509 v3 with the extensions TLS clients check: not a CA, key usage
 * for signatures (and key encipherment for RSA), extended key usage {@code serverAuth}, and the
 * subject alternative names a client matches the host name against (the subject's CN is not used
 * for that any more).
 */
public final class CertificateAuthority {
  /** The CA certificate's file name in a CA directory, as the lab names it. */
  public static final String CERTIFICATE_FILE = "cacert.pem";

  /** The CA key's file name in a CA directory. */
  public static final String KEY_FILE = "cakey.pem";

  /** The names a server certificate gets unless told otherwise: this machine, every spelling. */
  public static final List<String> DEFAULT_NAMES = List.of("localhost", "127.0.0.1", "::1");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final X509Certificate certificate;
  private final PrivateKey key;

  private CertificateAuthority(X509Certificate certificate, PrivateKey key) {
    this.certificate = certificate;
    this.key = key;
  }

  /**
   * A new CA: a self-signed certificate for {@code subject}, valid from now (less an hour, for
   * clocks a little behind) for {@code validity}.
   *
   * @param subject the CA's name, e.g. {@code DistinguishedNames.parse("/CN=Lab CA")}
   * @param keys the CA's key pair; its private key signs what it issues
   * @param validity how long the certificate is valid from now
   * @return a new CA: a self-signed certificate for {@code subject}, valid from now (less an hour,
   *     for clocks a little behind) for {@code validity}
   */
  public static CertificateAuthority create(
      X500Principal subject, KeyPair keys, Duration validity) {
    OptionalDependency.BOUNCY_CASTLE.require("lab3.pki.CertificateAuthority");
    checkNotNull(subject, "subject");
    checkArgument(validity != null && validity.isPositive(), "validity must be positive");
    Instant now = Instant.now();
    X509Certificate certificate =
        Issuer.selfSignedCa(
            subject,
            keys,
            now.minus(Duration.ofHours(1)),
            now.plus(validity),
            serial(),
            KeyPairs.signatureAlgorithm(keys.getPrivate()));
    return new CertificateAuthority(certificate, keys.getPrivate());
  }

  /**
   * An existing CA, e.g. one openssl made.
   *
   * @throws IllegalArgumentException if the key does not belong to the certificate, or the
   *     certificate is not a CA's
   * @param certificate the CA's certificate
   * @param key the CA's private key, matching the certificate
   * @return an existing CA, e.g
   */
  public static CertificateAuthority of(X509Certificate certificate, PrivateKey key) {
    OptionalDependency.BOUNCY_CASTLE.require("lab3.pki.CertificateAuthority");
    checkArgument(
        KeyPairs.matches(key, certificate.getPublicKey()),
        "the CA key does not belong to the CA certificate %s",
        DistinguishedNames.format(certificate.getSubjectX500Principal()));
    checkArgument(
        certificate.getBasicConstraints() >= 0 || certificate.getVersion() < 3,
        "%s is not a CA certificate (no basicConstraints CA:TRUE)",
        DistinguishedNames.format(certificate.getSubjectX500Principal()));
    return new CertificateAuthority(certificate, key);
  }

  /**
   * Loads {@value #CERTIFICATE_FILE} and {@value #KEY_FILE} from {@code directory}.
   *
   * @param directory where {@link #save} wrote the CA
   * @return the certificate authority
   * @throws IOException if the I/O fails
   */
  public static CertificateAuthority load(Path directory) throws IOException {
    return of(
        Pem.readCertificate(directory.resolve(CERTIFICATE_FILE)),
        Pem.readPrivateKey(directory.resolve(KEY_FILE)));
  }

  /**
   * Writes {@value #CERTIFICATE_FILE} and {@value #KEY_FILE} (owner-only) into {@code directory},
   * creating it if needed.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the directory already holds a CA key
   * @param directory where to write the CA's certificate and key (made if missing)
   */
  public void save(Path directory) throws IOException {
    Files.createDirectories(directory);
    Pem.write(directory.resolve(KEY_FILE), key);
    Pem.write(directory.resolve(CERTIFICATE_FILE), certificate);
  }

  /**
   * The CA's self-signed certificate: what clients trust ({@value #CERTIFICATE_FILE}).
   *
   * @return the CA's self-signed certificate: what clients trust ({@value #CERTIFICATE_FILE})
   */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * The CA's private key, which signs certificates: keep it owner-only.
   *
   * @return the CA's private key, which signs certificates: keep it owner-only
   */
  public PrivateKey privateKey() {
    return key;
  }

  /**
   * Starts issuing a server certificate for {@code request}; finish with {@link Issue#sign}.
   *
   * @param request the request to certify
   * @return the issue, to complete with {@link Issue#sign}
   */
  public Issue issue(CertificateRequest request) {
    return new Issue(request);
  }

  /** One certificate to issue: its names and validity, then {@link #sign}. */
  public final class Issue {
    private final CertificateRequest request;
    private List<String> names = DEFAULT_NAMES;
    private Instant notBefore;
    private Instant notAfter;
    private Duration validity = Duration.ofDays(365);

    private Issue(CertificateRequest request) {
      this.request = checkNotNull(request, "request");
    }

    /**
     * The subject alternative names (host names and IP addresses) the certificate is valid for;
     * {@link #DEFAULT_NAMES} unless set.
     *
     * @param names the DNS names and IP addresses the certificate is for
     * @return the subject alternative names (host names and IP addresses) the certificate is valid
     *     for; {@link #DEFAULT_NAMES} unless set
     */
    public Issue names(List<String> names) {
      Names.parse(names); // validates at once
      this.names = List.copyOf(names);
      return this;
    }

    /**
     * Valid from now (less an hour) for {@code validity}; 365 days by default.
     *
     * @param validity how long the certificate is valid from now
     * @return this issue
     */
    public Issue validFor(Duration validity) {
      checkArgument(validity != null && validity.isPositive(), "validity must be positive");
      this.validity = validity;
      this.notBefore = null;
      this.notAfter = null;
      return this;
    }

    /**
     * Valid exactly from {@code notBefore} to {@code notAfter} (tests: an expired certificate).
     *
     * @param notBefore the first instant it is valid
     * @param notAfter the last instant it is valid
     * @return this issue
     */
    public Issue validity(Instant notBefore, Instant notAfter) {
      checkArgument(notBefore.isBefore(notAfter), "notBefore must be before notAfter");
      this.notBefore = notBefore;
      this.notAfter = notAfter;
      return this;
    }

    /**
     * Signs.
     *
     * @throws IllegalArgumentException if the request's own signature does not verify
     * @return the x509 certificate
     */
    public X509Certificate sign() {
      checkArgument(
          request.isSignatureValid(),
          "the signing request's signature does not verify: it is damaged or forged");
      Instant now = Instant.now();
      Instant from = notBefore != null ? notBefore : now.minus(Duration.ofHours(1));
      Instant to = notAfter != null ? notAfter : now.plus(validity);
      return Issuer.issue(
          certificate,
          key,
          request.subject(),
          request.publicKey(),
          from,
          to,
          names,
          serial(),
          KeyPairs.signatureAlgorithm(key));
    }
  }

  /** A random positive serial number of up to 127 bits, as RFC 5280 recommends (unique, random). */
  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).setBit(0);
  }
}
