package lab3.ws.internal;

import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS settings for an OkHttp client that only ever opens {@code ws://} URLs. Left to itself, OkHttp
 * builds the platform's TLS context when the client is made: it loads the JDK's trusted CA store
 * and initialises the TLS engine, about 0.6 s of a 2 s {@code part5} run that never speaks TLS.
 * Handing it these instead skips all of that; a {@code wss://} connection would fail at once.
 */
public final class PlainOnly {
  /** Refuses to make TLS sockets. */
  public static final SSLSocketFactory SOCKETS = new Refusing();

  /** Trusts no certificate. */
  public static final X509TrustManager TRUST = new TrustingNothing();

  private PlainOnly() {}

  private static SSLException refused() {
    return new SSLException("this WebSocket client speaks plain ws:// only");
  }

  private static final class Refusing extends SSLSocketFactory {
    @Override
    public String[] getDefaultCipherSuites() {
      return new String[0];
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return new String[0];
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
        throws SSLException {
      throw refused();
    }

    @Override
    public Socket createSocket(String host, int port) throws SSLException {
      throw refused();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws SSLException {
      throw refused();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws SSLException {
      throw refused();
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort)
        throws SSLException {
      throw refused();
    }
  }

  private static final class TrustingNothing implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("this WebSocket client speaks plain ws:// only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("this WebSocket client speaks plain ws:// only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
