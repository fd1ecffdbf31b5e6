package lab3.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ServerSocketFactory;
import lab3.pmu.PmuServer;
import lab3.tls.internal.TlsServerSockets;

/**
 * <b>Deprecated:</b> TLS is an option of the PMU server's builder, {@code
 * PmuServer.builder().tls(chain, key)}; this factory only forwards there.
 *
 * <p>The PMU of Part 6: the {@link PmuServer} of Part 2, byte for byte the same protocol, over TLS
 * with one-way authentication (only the server shows a certificate).
 *
 * <pre>{@code
 * PmuServer pmu = TlsPmuServer.builder(Path.of("server_cert.pem"), Path.of("server_key.pem"))
 *     .bindAddress(InetAddress.getLoopbackAddress()).port(5003).build().start();
 * }</pre>
 *
 * <p>Not a server type of its own, despite the name: this class only makes the TLS sockets, and
 * {@link #builder} returns the {@link PmuServer.Builder} of Part 2 with them set, whose {@code
 * build()} gives a {@link PmuServer}; configure the rest there. The server speaks TLS 1.3 and 1.2
 * with forward-secret AEAD suites only; older clients (SSLv3, TLS 1.0, 1.1) are refused during the
 * handshake, which runs on the session's own virtual thread: a failed handshake is one log line and
 * never disturbs other sessions. A TLS 1.2 client that asks for a renegotiation (a new handshake on
 * the same connection, a cheap way to make the server work) gets a fatal alert: building a server
 * here sets the JDK's {@code jdk.tls.rejectClientInitiatedRenegotiation} system property, which the
 * JDK reads once per JVM at its first server handshake; set it with {@code -D} yourself if the JVM
 * serves TLS with other code before the first server built here.
 */
@Deprecated(forRemoval = true)
public final class TlsPmuServer {
  private TlsPmuServer() {}

  /**
   * A PMU server builder that serves TLS with the certificate (chain) and private key of two PEM
   * files, as openssl or {@code ./lab3 pki} writes them.
   *
   * @throws lab3.pki.PemFormatException if a file is not what it should be
   * @throws IllegalArgumentException if the key does not belong to the certificate
   * @param certificateChain PEM file of the server's certificate, then its issuers
   * @param privateKey PEM file of the server's private key
   * @return a new builder
   * @deprecated use {@code PmuServer.builder().tls(certificateChain, privateKey)}
   */
  @Deprecated(forRemoval = true)
  public static PmuServer.Builder builder(Path certificateChain, Path privateKey)
      throws IOException {
    return PmuServer.builder().tls(certificateChain, privateKey);
  }

  /**
   * As {@link #builder(Path, Path)}, with certificates and key in memory.
   *
   * @param chain the server's certificate first, then its issuers
   * @param key the server's private key
   * @return a new builder
   * @deprecated use {@code PmuServer.builder().tls(chain, key)}
   */
  @Deprecated(forRemoval = true)
  public static PmuServer.Builder builder(List<X509Certificate> chain, PrivateKey key) {
    return PmuServer.builder().tls(chain, key);
  }

  /**
   * TLS server sockets presenting {@code chain} (the server's own certificate first), with the
   * project's policy: for any server built on server sockets.
   *
   * @param chain the server's certificate first, then its issuers
   * @param key the server's private key
   * @return the server socket factory
   * @deprecated with this class; for a PMU use {@code PmuServer.builder().tls(chain, key)}
   */
  @Deprecated(forRemoval = true)
  public static ServerSocketFactory socketFactory(List<X509Certificate> chain, PrivateKey key) {
    return TlsServerSockets.factory(chain, key);
  }
}
