package lab3.tls;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import lab3.tls.TlsHandshakeException.Reason;
import lab3.tls.internal.TlsCertificateException;
import lab3.tls.internal.TlsPem;
import lab3.tls.internal.TlsPolicy;
import lab3.transport.Connection;
import lab3.transport.Endpoint;
import lab3.transport.TcpTransport;
import lab3.transport.Transport;
import lab3.transport.internal.SocketConnection;

/**
 * TLS over TCP, for clients: connects with a {@link TcpTransport} (same address choice and
 * time-outs), then runs the TLS handshake before {@link #open} returns. It trusts only the CAs it
 * is given (the course's {@code cacert.pem}), checks that the server's certificate names the host
 * it connected to (a DNS name or an IP address in the certificate's subject alternative names; a
 * certificate without any is refused, even when its CN is the host: the JDK would fall back to the
 * CN, which RFC 6125 deprecates), and speaks TLS 1.3 or 1.2 with forward-secret AEAD cipher suites
 * only.
 *
 * <pre>{@code
 * Transport tls = TlsTransport.builder().trust(Path.of("cacert.pem")).build();
 * PmuClient client = PmuClient.builder().transport(tls).build();
 * }</pre>
 *
 * <p>A refused handshake throws a {@link TlsHandshakeException} whose message says why in plain
 * words. The pitfall: connect by a name the certificate holds; {@code localhost} and {@code
 * 127.0.0.1} are different names to TLS.
 */
public final class TlsTransport implements Transport {
  private final TcpTransport tcp;
  private final SSLSocketFactory factory;
  private final SSLParameters parameters;
  private final Consumer<TlsSessionInfo> onHandshake;

  private TlsTransport(Builder builder) {
    this.tcp = builder.tcp;
    this.onHandshake = builder.onHandshake;
    try {
      SSLContext context = TlsPolicy.clientContext(builder.authorities);
      this.factory = context.getSocketFactory();
      this.parameters = TlsPolicy.parameters(context);
      this.parameters.setEndpointIdentificationAlgorithm("HTTPS");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /**
   * A builder; {@link Builder#trust} at least one CA before {@link Builder#build}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Connects and completes the TLS handshake.
   *
   * @throws TlsHandshakeException if the handshake fails: untrusted, expired or misnamed
   *     certificate, a server that refused, or one that does not speak TLS
   * @throws java.net.ConnectException and the other failures of {@link TcpTransport#open}
   */
  @Override
  public Connection open(Endpoint endpoint) throws IOException {
    Socket plain = tcp.connect(endpoint);
    SSLSocket socket;
    try {
      // The host given here is what the certificate must name, and the SNI sent (not for IPs).
      socket = (SSLSocket) factory.createSocket(plain, endpoint.host(), endpoint.port(), true);
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
    try {
      socket.setSSLParameters(parameters);
      socket.startHandshake(); // now, so that a refusal surfaces here rather than at a read
    } catch (SSLException e) {
      socket.close();
      throw explain(endpoint, e);
    } catch (SocketException e) {
      socket.close();
      throw new TlsHandshakeException(
          Reason.REFUSED,
          "the server at " + endpoint + " broke off the TLS handshake: " + e.getMessage(),
          e);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
    onHandshake.accept(TlsSessionInfo.of(socket.getSession()));
    return new SocketConnection(socket);
  }

  private static IOException explain(Endpoint endpoint, SSLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TlsCertificateException c) {
        return new TlsHandshakeException(c.reason(), c.getMessage(), e);
      }
      if (t instanceof SocketTimeoutException timeout) {
        return timeout;
      }
    }
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Received fatal alert")) {
      String alert = message.substring(message.indexOf(':') + 1).strip();
      return new TlsHandshakeException(
          Reason.REFUSED,
          "the server at " + endpoint + " refused the TLS handshake (alert: " + alert + ")",
          e);
    }
    if (e.getCause() instanceof EOFException || message.contains("terminated the handshake")) {
      return new TlsHandshakeException(
          Reason.REFUSED,
          "the server at " + endpoint + " closed the connection during the TLS handshake",
          e);
    }
    if (message.contains("Unsupported or unrecognized SSL message")) {
      return new TlsHandshakeException(
          Reason.NOT_TLS,
          "the server at " + endpoint + " does not speak TLS (a plain TCP server?)",
          e);
    }
    return new TlsHandshakeException(
        Reason.REFUSED, "TLS handshake with " + endpoint + " failed: " + message, e);
  }

  /** Configures a {@link TlsTransport}: {@link #trust} at least one CA. */
  public static final class Builder {
    private final List<X509Certificate> authorities = new ArrayList<>();
    private TcpTransport tcp = TcpTransport.create();
    private Consumer<TlsSessionInfo> onHandshake = info -> {};

    private Builder() {}

    /**
     * Trusts every certificate in a PEM file (the CA's {@code cacert.pem}).
     *
     * @param caCertificates a PEM file of CA certificates
     * @return this builder
     * @throws IOException if the I/O fails
     */
    public Builder trust(Path caCertificates) throws IOException {
      authorities.addAll(TlsPem.readCertificates(caCertificates));
      return this;
    }

    /**
     * Trusts {@code authority}: servers must present a certificate it signed.
     *
     * @param authority a CA certificate to trust
     * @return this builder
     */
    public Builder trust(X509Certificate authority) {
      authorities.add(checkNotNull(authority, "authority"));
      return this;
    }

    /**
     * The TCP underneath: its family, resolver and time-outs apply. Defaults to the default.
     *
     * @param tcp the TCP transport under TLS (family, time-outs, resolver)
     * @return this builder
     */
    public Builder tcp(TcpTransport tcp) {
      this.tcp = checkNotNull(tcp, "tcp");
      return this;
    }

    /**
     * Told the protocol, cipher suite and server certificate of every completed handshake.
     *
     * @param listener receives each completed handshake's version, suite and certificates
     * @return this builder
     */
    public Builder onHandshake(Consumer<TlsSessionInfo> listener) {
      this.onHandshake = checkNotNull(listener, "listener");
      return this;
    }

    /**
     * A transport with these settings.
     *
     * @return the new transport
     * @throws IllegalArgumentException if no CA is trusted
     */
    public TlsTransport build() {
      checkArgument(!authorities.isEmpty(), "trust at least one CA certificate");
      return new TlsTransport(this);
    }
  }
}
