package lab3.apps.demo;

import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab3.pki.CertificateAuthority;
import lab3.pki.CertificateRequest;
import lab3.pki.DistinguishedNames;
import lab3.pki.KeyPairs;
import lab3.pki.Pem;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuServer;
import lab3.tls.TlsPmuServer;
import lab3.tls.TlsSessionInfo;
import lab3.tls.TlsTransport;
import lab3.transport.Addresses;
import lab3.transport.Endpoint;

/**
 * Part 6: the whole PKI round in a temporary directory (CA, server key, CSR, certificate, all PEM
 * files), then the TLS PMU loaded from those files and the TLS PDC trusting the CA file.
 */
final class Part6Demo implements DemoPart {
  static final int MESSAGES = 4;

  @Override
  public String title() {
    return "Part 6: PKI (CA, key, CSR, certificate), PMU and PDC over TLS on 127.0.0.1";
  }

  @Override
  public void run(PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("lab3-part6-");
    try {
      CertificateAuthority ca =
          CertificateAuthority.create(
              DistinguishedNames.parse("/O=Lab3/CN=Lab3 Demo CA"),
              KeyPairs.ec(256),
              Duration.ofDays(1));
      ca.save(dir.resolve("ca"));
      var serverKeys = KeyPairs.rsa(2048);
      Pem.write(dir.resolve("server_key.pem"), serverKeys.getPrivate());
      CertificateRequest csr =
          CertificateRequest.create(DistinguishedNames.parse("/O=Lab3/CN=localhost"), serverKeys);
      Pem.write(dir.resolve("server.csr"), csr);
      Pem.write(dir.resolve("server_cert.pem"), ca.issue(csr).sign());
      out.println(
          "   pki: ca/cacert.pem, ca/cakey.pem, server_key.pem (RSA 2048), server.csr,"
              + " server_cert.pem (localhost, 127.0.0.1, ::1), in a temporary directory");

      try (PmuServer pmu =
          TlsPmuServer.builder(dir.resolve("server_cert.pem"), dir.resolve("server_key.pem"))
              .bindAddress(InetAddress.getByName("127.0.0.1"))
              .port(0)
              .messages(MESSAGES)
              .build()
              .start()) {
        List<TlsSessionInfo> sessions = new ArrayList<>();
        PmuClient client =
            PmuClient.builder()
                .transport(
                    TlsTransport.builder()
                        .trust(dir.resolve("ca").resolve(CertificateAuthority.CERTIFICATE_FILE))
                        .onHandshake(sessions::add)
                        .build())
                .build();
        List<String> messages = new ArrayList<>();
        var result =
            client.send(
                new Endpoint("localhost", pmu.port()),
                PmuCommand.parse("CMD_short:0"),
                new PmuListener() {
                  @Override
                  public void onMessage(String message) {
                    messages.add(message);
                  }
                });
        if (messages.size() != MESSAGES) {
          throw new IllegalStateException(
              "expected " + MESSAGES + " messages, got " + messages.size());
        }
        TlsSessionInfo tls = sessions.getFirst();
        out.printf(
            "   TLS PMU on %s; PDC to localhost:%d trusting ca/cacert.pem%n",
            Addresses.format(pmu.address()), pmu.port());
        out.printf(
            "   handshake: %s, %s, server certificate %s%n",
            tls.protocol(), tls.cipherSuite(), tls.peerSubject());
        out.printf(
            "   CMD_short:0  -> %d messages ('%s' .. '%s') in %d read() calls, %d ms%n",
            messages.size(),
            messages.getFirst(),
            messages.getLast(),
            result.reads(),
            result.elapsed().toMillis());
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
