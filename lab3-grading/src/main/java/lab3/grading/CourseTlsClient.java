package lab3.grading;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import lab3.pki.Pem;

/**
 * The client the course's graders ran against Part 6 servers (FACTS.md): {@code
 * getaddrinfo('localhost', 5003, AF_INET)}, so IPv4 {@code 127.0.0.1}; {@code
 * ssl.wrap_socket(ca_certs=CA, cert_reqs=CERT_REQUIRED)}, so the chain is checked against the CA
 * and the host name is <b>not</b>; it sends its command and prints what comes, up to 100 {@code
 * recv(1024)} calls. With {@code strict}, the certificate must also name {@code localhost}. Keys of
 * 1024 bits, which the lab text has students make, are accepted (the JDK refuses only below 1024).
 */
final class CourseTlsClient {
  private static final int READS = 100;
  private static final Pattern MESSAGE = Pattern.compile("This is PMU data (\\d+)");

  private CourseTlsClient() {}

  /** Connects, sends {@code command}, and returns all it received (until close or 100 reads). */
  static String ask(Path ca, int port, String command, boolean strict) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    int i = 0;
    for (X509Certificate c : Pem.readCertificates(ca)) {
      trust.setCertificateEntry("ca" + i++, c);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    try (java.net.Socket plain = new java.net.Socket()) {
      plain.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      plain.setSoTimeout(10_000);
      try (SSLSocket socket =
          (SSLSocket) context.getSocketFactory().createSocket(plain, "localhost", port, true)) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm(strict ? "HTTPS" : null);
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        socket.getOutputStream().write(command.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        for (int reads = 0; reads < READS; reads++) {
          int n;
          try {
            n = in.read(buffer);
          } catch (javax.net.ssl.SSLException | java.net.SocketException closedRudely) {
            break; // a server that closes without close_notify: what came counts
          }
          if (n < 0) {
            break;
          }
          got.write(buffer, 0, n);
        }
        return got.toString(StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * Null if {@code received} is one or more messages {@code This is PMU data i}, numbered in
   * sequence from 0 or from 1 (the course's own PMU numbered from 0, the lab text from 1); else why
   * not, ending with {@code how} (how the server was run).
   */
  static String judge(String received, String how) {
    if (received.isEmpty()) {
      return "the TLS session worked but no message came back" + how;
    }
    List<Integer> numbers = new ArrayList<>();
    Matcher m = MESSAGE.matcher(received);
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      numbers.add(Integer.valueOf(m.group(1)));
      end = m.end();
    }
    if (numbers.isEmpty() || end != received.length()) {
      String rest = received.substring(end);
      return "received '"
          + (rest.length() > 60 ? rest.substring(0, 60) + "..." : rest)
          + "' where a message 'This is PMU data i' was expected"
          + how;
    }
    int first = numbers.getFirst();
    if (first != 0 && first != 1) {
      return "the first message is number " + first + ", not 0 or 1" + how;
    }
    for (int i = 0; i < numbers.size(); i++) {
      if (numbers.get(i) != first + i) {
        return "message "
            + (i + 1)
            + " is number "
            + numbers.get(i)
            + ", expected "
            + (first + i)
            + how;
      }
    }
    return null;
  }
}
