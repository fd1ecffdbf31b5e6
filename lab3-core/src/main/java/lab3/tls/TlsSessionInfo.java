package lab3.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What a TLS handshake agreed on, for diagnostics ({@code part6-pdc -v}).
 *
 * <p>The pitfall: {@code onHandshake} sees it only after a completed handshake, so a refused
 * certificate never shows here; the refusal is a {@link TlsHandshakeException}.
 *
 * @param protocol e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_256_GCM_SHA384}
 * @param peerCertificates the chain the server presented, its own certificate first
 */
public record TlsSessionInfo(
    String protocol, String cipherSuite, List<X509Certificate> peerCertificates) {

  /** Copies the chain: the record is immutable. */
  public TlsSessionInfo {
    peerCertificates = List.copyOf(peerCertificates);
  }

  /**
   * The details of an established session.
   *
   * @param session an established TLS session
   * @return the details of an established session
   */
  public static TlsSessionInfo of(SSLSession session) {
    List<X509Certificate> chain;
    try {
      chain =
          java.util.Arrays.stream(session.getPeerCertificates())
              .filter(X509Certificate.class::isInstance)
              .map(X509Certificate.class::cast)
              .toList();
    } catch (SSLPeerUnverifiedException e) {
      chain = List.of();
    }
    return new TlsSessionInfo(session.getProtocol(), session.getCipherSuite(), chain);
  }

  /**
   * The subject of the server's certificate (RFC 2253), or "(none)".
   *
   * @return the subject of the server's certificate (RFC 2253), or "(none)"
   */
  public String peerSubject() {
    return peerCertificates.isEmpty()
        ? "(none)"
        : peerCertificates.getFirst().getSubjectX500Principal().getName();
  }
}
