package lab3.pki;

import java.security.cert.X509Certificate;
import java.util.List;
import lab3.pki.internal.CertificateNames;

/**
 * Questions about a certificate that the JDK answers only in raw form.
 *
 * <p>The pitfall: a certificate with no subject alternative names is valid for no host at all for
 * {@link lab3.tls.TlsTransport}, whatever its CN says.
 */
public final class Certificates {
  private Certificates() {}

  /**
   * The host names and addresses a certificate is valid for, as openssl prints them: {@code
   * DNS:localhost}, {@code IP:127.0.0.1}, {@code IP:::1}. Empty if it has none: then {@link
   * lab3.tls.TlsTransport} accepts it for no host (the JDK alone would fall back to the subject's
   * CN for DNS names, which RFC 6125 deprecates).
   *
   * @param certificate the certificate to read
   * @return the host names and addresses a certificate is valid for, as openssl prints them: {@code
   *     DNS:localhost}, {@code IP:127.0.0.1}, {@code IP:::1}
   */
  public static List<String> names(X509Certificate certificate) {
    return CertificateNames.of(certificate);
  }
}
