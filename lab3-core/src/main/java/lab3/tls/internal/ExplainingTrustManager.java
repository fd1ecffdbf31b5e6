package lab3.tls.internal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import lab3.pki.internal.CertificateNames;
import lab3.tls.TlsHandshakeException.Reason;

/**
 * The JDK's PKIX trust manager, which does all the checking, plus an explanation when it refuses a
 * server: the JDK says "PKIX path building failed: unable to find valid certification path to
 * requested target" for an untrusted certificate; this class says which CA signed it and which one
 * the client trusts. It re-checks the refused chain step by step (trusted? in date? host name?) to
 * find the first problem.
 */
final class ExplainingTrustManager extends X509ExtendedTrustManager {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final X509ExtendedTrustManager pkix;
  private final List<X509Certificate> authorities;

  ExplainingTrustManager(X509ExtendedTrustManager pkix, List<X509Certificate> authorities) {
    this.pkix = pkix;
    this.authorities = List.copyOf(authorities);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    String host =
        socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null
            ? ssl.getHandshakeSession().getPeerHost()
            : null;
    try {
      pkix.checkServerTrusted(chain, authType, socket);
    } catch (CertificateException e) {
      throw explain(chain, authType, host, e);
    }
    refuseCommonNameOnly(chain, host);
  }

  /**
   * The JDK's host-name check falls back to the subject's CN when a certificate has no DNS name in
   * its subject alternative names; RFC 6125 (section 6.4.4) deprecates that, and browsers and
   * openssl's {@code -verify_hostname} refuse it. So does this client: a certificate must name its
   * host in a subject alternative name.
   */
  private static void refuseCommonNameOnly(X509Certificate[] chain, String host)
      throws CertificateException {
    if (chain == null || chain.length == 0) {
      return;
    }
    List<String> names = CertificateNames.of(chain[0]);
    if (names.stream().noneMatch(n -> n.startsWith("DNS:") || n.startsWith("IP:"))) {
      throw new TlsCertificateException(
          Reason.HOST_NAME_MISMATCH,
          "host name mismatch: the certificate of "
              + chain[0].getSubjectX500Principal().getName()
              + " has no subject alternative names; its CN is not checked (RFC 6125), so it is"
              + " valid for no host, not for "
              + (host == null ? "the host connected to" : "'" + host + "'"),
          null);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    try {
      pkix.checkServerTrusted(chain, authType, engine);
    } catch (CertificateException e) {
      SSLSession session = engine == null ? null : engine.getHandshakeSession();
      throw explain(chain, authType, session == null ? null : session.getPeerHost(), e);
    }
    SSLSession session = engine == null ? null : engine.getHandshakeSession();
    refuseCommonNameOnly(chain, session == null ? null : session.getPeerHost());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    try {
      pkix.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      throw explain(chain, authType, null, e);
    }
  }

  private TlsCertificateException explain(
      X509Certificate[] chain, String authType, String host, CertificateException e) {
    if (chain == null || chain.length == 0) {
      return new TlsCertificateException(
          Reason.UNTRUSTED_CERTIFICATE, "the server sent no certificate", e);
    }
    X509Certificate leaf = chain[0];
    String subject = leaf.getSubjectX500Principal().getName();
    if (!anchored(chain)) {
      X509Certificate top = chain[chain.length - 1];
      String issuer = top.getIssuerX500Principal().getName();
      boolean sameName =
          authorities.stream()
              .anyMatch(ca -> ca.getSubjectX500Principal().equals(top.getIssuerX500Principal()));
      return new TlsCertificateException(
          Reason.UNTRUSTED_CERTIFICATE,
          "untrusted certificate: "
              + subject
              + (sameName
                  ? " names the trusted CA "
                      + issuer
                      + " as issuer, but another key signed it"
                      + " (a different CA with the same name)"
                  : " is signed by " + issuer + ", not by the trusted CA " + trustedNames()),
          e);
    }
    Instant now = Instant.now();
    for (X509Certificate c : chain) {
      if (c.getNotAfter().toInstant().isBefore(now)) {
        return new TlsCertificateException(
            Reason.EXPIRED_CERTIFICATE,
            "expired certificate: "
                + c.getSubjectX500Principal().getName()
                + " expired on "
                + format(c.getNotAfter()),
            e);
      }
      if (c.getNotBefore().toInstant().isAfter(now)) {
        return new TlsCertificateException(
            Reason.CERTIFICATE_NOT_YET_VALID,
            "certificate not yet valid: "
                + c.getSubjectX500Principal().getName()
                + " is valid from "
                + format(c.getNotBefore())
                + " (is this machine's clock right?)",
            e);
      }
    }
    try {
      pkix.checkServerTrusted(chain, authType); // everything but the host name
    } catch (CertificateException other) {
      return new TlsCertificateException(
          Reason.UNACCEPTABLE_CERTIFICATE,
          "unacceptable certificate " + subject + ": " + other.getMessage(),
          e);
    }
    List<String> names = CertificateNames.of(leaf);
    return new TlsCertificateException(
        Reason.HOST_NAME_MISMATCH,
        "host name mismatch: the certificate of "
            + subject
            + " is for "
            + (names.isEmpty() ? "no subject alternative names" : String.join(", ", names))
            + ", not for "
            + (host == null ? "the host connected to" : "'" + host + "'"),
        e);
  }

  /** True if some certificate of the chain is a trusted CA or is signed by one. */
  private boolean anchored(X509Certificate[] chain) {
    for (X509Certificate c : chain) {
      for (X509Certificate ca : authorities) {
        if (c.equals(ca)) {
          return true;
        }
        if (c.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
          try {
            c.verify(ca.getPublicKey());
            return true;
          } catch (GeneralSecurityException | RuntimeException notThisOne) {
            // keep looking
          }
        }
      }
    }
    return false;
  }

  private String trustedNames() {
    if (authorities.size() > 2) { // a system bundle: naming 150 CAs helps nobody
      return "(any of the " + authorities.size() + " trusted CAs)";
    }
    return authorities.stream()
        .map(ca -> ca.getSubjectX500Principal().getName())
        .collect(Collectors.joining(" or "));
  }

  private static String format(Date date) {
    return DATE.format(date.toInstant());
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    pkix.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    pkix.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    pkix.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return pkix.getAcceptedIssuers();
  }
}
