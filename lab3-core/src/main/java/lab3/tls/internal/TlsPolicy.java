package lab3.tls.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The one TLS policy of the project, for servers and clients alike: TLS 1.3 and 1.2 only, and only
 * cipher suites with forward secrecy (ephemeral ECDHE keys, built into every TLS 1.3 suite) and
 * authenticated encryption (AES-GCM, ChaCha20-Poly1305). SSLv3, TLS 1.0 and 1.1, CBC and static-RSA
 * suites are never enabled, whatever the JDK's own settings allow.
 *
 * <p>Servers also refuse a renegotiation that the client asks for (see {@link
 * #refuseClientRenegotiation()}).
 */
public final class TlsPolicy {
  /** Newest first. */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private static final Pattern ALLOWED_SUITE =
      Pattern.compile(
          "TLS_AES_\\d+_GCM_SHA\\d+"
              + "|TLS_CHACHA20_POLY1305_SHA256"
              + "|TLS_ECDHE_(ECDSA|RSA)_WITH_AES_\\d+_GCM_SHA\\d+"
              + "|TLS_ECDHE_(ECDSA|RSA)_WITH_CHACHA20_POLY1305_SHA256");

  private TlsPolicy() {}

  /** True if the policy allows {@code suite} (a standard name, e.g. TLS_AES_128_GCM_SHA256). */
  public static boolean allows(String suite) {
    return ALLOWED_SUITE.matcher(suite).matches();
  }

  /** The suites of {@code context} the policy allows, in the JDK's order of preference. */
  public static String[] cipherSuites(SSLContext context) {
    return Arrays.stream(context.getDefaultSSLParameters().getCipherSuites())
        .filter(TlsPolicy::allows)
        .toArray(String[]::new);
  }

  /** The context's default parameters with the policy's protocols and suites. */
  public static SSLParameters parameters(SSLContext context) {
    SSLParameters parameters = context.getDefaultSSLParameters();
    parameters.setProtocols(PROTOCOLS.toArray(String[]::new));
    parameters.setCipherSuites(cipherSuites(context));
    return parameters;
  }

  /** The JDK's switch for client-initiated renegotiation, off (allowed) by default. */
  public static final String REJECT_CLIENT_RENEGOTIATION =
      "jdk.tls.rejectClientInitiatedRenegotiation";

  /**
   * Makes the JDK's TLS servers of this JVM refuse a renegotiation asked for by the client. TLS 1.2
   * lets a client ask for a new handshake on an established connection at any time, each costing
   * the server a key exchange and a signature: a cheap denial of service, which TLS audits report
   * as "client-initiated renegotiation". TLS 1.3 has no renegotiation at all. The JDK has no
   * per-socket setting for this, only the system property {@value #REJECT_CLIENT_RENEGOTIATION},
   * which it reads once, when the JVM's first server handshake begins; so this sets the property
   * (unless the user set it, either way, with {@code -D}) before any lab3 TLS server exists.
   * Renegotiation asked for by the server (which no lab3 server does) stays possible.
   *
   * <p>Pitfall: in a JVM that ran some other TLS server before the first lab3 one, the JDK has
   * already read the property and this has no effect; such an application sets {@code
   * -Djdk.tls.rejectClientInitiatedRenegotiation=true} on its command line. {@code ./lab3} does.
   */
  public static void refuseClientRenegotiation() {
    if (System.getProperty(REJECT_CLIENT_RENEGOTIATION) == null) {
      System.setProperty(REJECT_CLIENT_RENEGOTIATION, "true");
    }
  }

  /**
   * A context that presents {@code chain} (the server's certificate first) signed by {@code key}.
   */
  public static SSLContext serverContext(List<X509Certificate> chain, PrivateKey key)
      throws GeneralSecurityException {
    refuseClientRenegotiation();
    KeyStore store = emptyStore();
    char[] password = new char[0];
    store.setKeyEntry("server", key, password, chain.toArray(X509Certificate[]::new));
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /**
   * A context that trusts exactly {@code authorities} (not the JDK's default CAs) and explains a
   * refused certificate (see {@link ExplainingTrustManager}).
   */
  public static SSLContext clientContext(List<X509Certificate> authorities)
      throws GeneralSecurityException {
    KeyStore store = emptyStore();
    for (int i = 0; i < authorities.size(); i++) {
      store.setCertificateEntry("ca-" + i, authorities.get(i));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    X509ExtendedTrustManager pkix =
        Arrays.stream(factory.getTrustManagers())
            .filter(X509ExtendedTrustManager.class::isInstance)
            .map(X509ExtendedTrustManager.class::cast)
            .findFirst()
            .orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager"));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new ExplainingTrustManager(pkix, authorities)}, null);
    return context;
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
    return store;
  }
}
