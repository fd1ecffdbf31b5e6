import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

// Part 6: the PMU over TLS on localhost:5003, with 111111_cert.pem and 111111_key.pem (PKCS#8).
public class Part6_PMU_111111_222222 {
  public static void main(String[] args) throws Exception {
    String certFile = args.length == 2 ? args[0] : "111111_cert.pem";
    String keyFile = args.length == 2 ? args[1] : "111111_key.pem";
    Certificate cert;
    try (InputStream in = Files.newInputStream(Path.of(certFile))) {
      cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    String pem = Files.readString(Path.of(keyFile));
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    PrivateKey key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("pmu", key, new char[0], new Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
    kmf.init(store, new char[0]);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);

    SSLServerSocket server =
        (SSLServerSocket)
            context.getServerSocketFactory().createServerSocket(5003, 5, InetAddress.getByName("localhost"));
    while (true) {
      try (Socket client = server.accept()) {
        InputStream in = client.getInputStream();
        byte[] buffer = new byte[64];
        int n = in.read(buffer);
        if (n <= 0) continue;
        String command = new String(buffer, 0, n, StandardCharsets.US_ASCII).trim();
        OutputStream out = client.getOutputStream();
        if (command.startsWith("CMD_short:")) {
          double d = Double.parseDouble(command.substring(10));
          for (int i = 1; i <= 10; i++) {
            out.write(("This is PMU data " + i).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (i < 10) Thread.sleep((long) (d * 1000));
          }
        }
      } catch (Exception e) {
        // a client that failed its handshake: next one
      }
    }
  }
}
