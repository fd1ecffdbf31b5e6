package lab3.tls.internal;

import java.security.cert.CertificateException;
import lab3.tls.TlsHandshakeException.Reason;

/** A refused server certificate, explained: thrown by {@link ExplainingTrustManager}. */
public final class TlsCertificateException extends CertificateException {
  private final Reason reason;

  TlsCertificateException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
