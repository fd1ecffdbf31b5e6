package lab3.tls.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import lab3.pki.KeyPairs;

/**
 * The TLS server sockets of the PMU of Part 6 ({@code PmuServer.builder().tls(...)}): the project's
 * policy (TLS 1.3 and 1.2, forward-secret AEAD suites, one-way authentication).
 */
public final class TlsServerSockets {
  private TlsServerSockets() {}

  /**
   * TLS server sockets presenting {@code chain} (the server's own certificate first), with the
   * project's policy: for any server built on server sockets.
   *
   * @param chain the chain
   * @param key the key
   * @return the server socket factory
   */
  public static ServerSocketFactory factory(List<X509Certificate> chain, PrivateKey key) {
    checkArgument(!chain.isEmpty(), "the certificate chain is empty");
    checkArgument(
        KeyPairs.matches(key, chain.getFirst().getPublicKey()),
        "the private key does not belong to the certificate of %s",
        chain.getFirst().getSubjectX500Principal().getName());
    SSLContext context;
    try {
      context = TlsPolicy.serverContext(chain, key);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot use this key and certificate: " + e.getMessage(), e);
    }
    return new PolicyServerSocketFactory(
        context.getServerSocketFactory(), TlsPolicy.parameters(context));
  }

  /** Applies the policy to every server socket it makes. */
  private static final class PolicyServerSocketFactory extends ServerSocketFactory {
    private final SSLServerSocketFactory factory;
    private final SSLParameters parameters;

    PolicyServerSocketFactory(SSLServerSocketFactory factory, SSLParameters parameters) {
      this.factory = factory;
      this.parameters = parameters;
    }

    private SSLServerSocket configure(java.net.ServerSocket socket) {
      SSLServerSocket tls = (SSLServerSocket) socket;
      tls.setSSLParameters(parameters);
      tls.setNeedClientAuth(false); // one-way authentication: only the server shows a certificate
      return tls;
    }

    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
      return configure(factory.createServerSocket());
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws IOException {
      return configure(factory.createServerSocket(port));
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
      return configure(factory.createServerSocket(port, backlog));
    }

    @Override
    public java.net.ServerSocket createServerSocket(
        int port, int backlog, java.net.InetAddress address) throws IOException {
      return configure(factory.createServerSocket(port, backlog, address));
    }
  }
}
