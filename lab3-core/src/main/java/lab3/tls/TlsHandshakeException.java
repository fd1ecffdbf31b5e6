package lab3.tls;

import static com.google.common.base.Preconditions.checkNotNull;

import javax.net.ssl.SSLHandshakeException;

/**
 * A TLS handshake that {@link TlsTransport} could not complete, with the {@link Reason} in words a
 * user can act on ("expired certificate: CN=localhost expired on ...") rather than the JDK's ("PKIX
 * path validation failed: ..."). The JDK's exception is the cause.
 */
public final class TlsHandshakeException extends SSLHandshakeException {

  /** Why the handshake failed. */
  public enum Reason {
    /** The server's certificate is not signed by a CA the client trusts. */
    UNTRUSTED_CERTIFICATE,
    /** The server's certificate (or one in its chain) is past its notAfter date. */
    EXPIRED_CERTIFICATE,
    /** The server's certificate is not valid yet (notBefore in the future: a clock problem?). */
    CERTIFICATE_NOT_YET_VALID,
    /** The certificate is valid, but for other host names than the one the client connected to. */
    HOST_NAME_MISMATCH,
    /** The certificate is trusted but unfit for other reasons (key usage, weak algorithm). */
    UNACCEPTABLE_CERTIFICATE,
    /** The server refused the handshake (an alert, a close or a reset during it). */
    REFUSED,
    /** The server answered, but not in TLS: a plain TCP server, probably. */
    NOT_TLS
  }

  /** Why the handshake failed. */
  private final Reason reason;

  /**
   * A refused handshake, explained.
   *
   * @param reason why the handshake failed, as a category
   * @param message what happened, in one line
   * @param cause the underlying failure
   */
  public TlsHandshakeException(Reason reason, String message, Throwable cause) {
    super(message);
    this.reason = checkNotNull(reason, "reason");
    initCause(cause);
  }

  /**
   * Why the handshake failed, for a caller that acts on it.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
