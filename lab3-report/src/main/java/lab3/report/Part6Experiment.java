package lab3.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab3.netlab.LabEnvironment;
import lab3.pki.CertificateAuthority;
import lab3.pki.CertificateRequest;
import lab3.pki.DistinguishedNames;
import lab3.pki.KeyPairs;
import lab3.pki.Pem;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuServer;
import lab3.tls.TlsSessionInfo;
import lab3.tls.TlsTransport;
import lab3.transport.Endpoint;

/**
 * Part 6: a CA and a server certificate made as the lab makes them (the PEM files kept in {@code
 * part6/}), the TLS PMU on the server's host presenting its certificate and the CA's, and the TLS
 * PDC sending {@code CMD_short:0} under a capture: the handshake the client saw (protocol, suite,
 * the chain) and every packet of the session as tshark dissects it.
 */
public final class Part6Experiment {
  /** The port of {@code ./lab3 serve}'s TLS PMU. */
  public static final int LAB_PORT = 5007;

  /**
   * One packet of the TLS session, in either direction.
   *
   * @param time seconds from the session's start
   * @param from "server" or "client"
   * @param bytes TCP payload bytes
   * @param records the TLS records it carries as tshark names them, e.g. "Handshake (Client
   *     Hello)", or "" for a bare TCP segment
   */
  public record Packet(double time, String from, long bytes, String records) {}

  /**
   * @param why why nothing was measured (a real lab host: its CA is not ours), or null
   * @param protocol e.g. TLSv1.3
   * @param cipherSuite e.g. TLS_AES_256_GCM_SHA384
   * @param chain each certificate the server presented: subject, issuer, key, validity
   * @param session the PMU session over TLS (server segments with payload counted as in Part 2)
   * @param packets every packet of the session, or empty without a capture
   * @param directory where the PEM files are
   */
  public record Result(
      String why,
      String protocol,
      String cipherSuite,
      List<String> chain,
      StreamRun session,
      List<Packet> packets,
      String directory) {}

  private Part6Experiment() {}

  public static Result run(ReportContext ctx) throws Exception {
    LabEnvironment net = ctx.network();
    if (!net.startsServers()) {
      return new Result(
          "a real lab host's certificate is signed by the lab's CA, whose certificate this report"
              + " does not have: run ./lab3 part6-pdc with it",
          null,
          null,
          List.of(),
          null,
          List.of(),
          null);
    }
    Path dir = ctx.out().resolve("part6");
    Files.createDirectories(dir);
    CertificateAuthority ca =
        CertificateAuthority.create(
            DistinguishedNames.parse("/O=Lab3 report/CN=Lab3 Report CA"),
            KeyPairs.ec(256),
            Duration.ofDays(1));
    ca.save(dir.resolve("ca"));
    KeyPair keys = KeyPairs.rsa(2048);
    Pem.write(dir.resolve("server_key.pem"), keys.getPrivate());
    CertificateRequest csr =
        CertificateRequest.create(DistinguishedNames.parse("/O=Lab3 report/CN=tcpip.lab"), keys);
    Pem.write(dir.resolve("server.csr"), csr);
    List<String> names = new ArrayList<>(CertificateAuthority.DEFAULT_NAMES);
    names.addAll(
        List.of(
            "tcpip.lab", LabEnvironment.text(net.serverV4()), LabEnvironment.text(net.serverV6())));
    X509Certificate cert = ca.issue(csr).names(names.stream().distinct().toList()).sign();
    Pem.write(dir.resolve("server_cert.pem"), cert);
    List<X509Certificate> chain = List.of(cert, ca.certificate());
    List<TlsSessionInfo> sessions = new ArrayList<>();
    try (PmuServer pmu =
        net.onServer(
            () ->
                PmuServer.builder()
                    .tls(chain, keys.getPrivate())
                    .bindAddress(net.serverV6())
                    .port(net.port(LAB_PORT))
                    .messages(ctx.messages())
                    .build()
                    .start())) {
      int port = pmu.port();
      Endpoint at = new Endpoint(LabEnvironment.text(net.serverV6()), port);
      PmuClient client =
          PmuClient.builder()
              .transport(
                  TlsTransport.builder().trust(ca.certificate()).onHandshake(sessions::add).build())
              .build();
      StreamMeasure.CallClock clock = new StreamMeasure.CallClock();
      List<String> decodeAs = List.of("-d", "tcp.port==" + port + ",tls");
      StreamRun session =
          StreamMeasure.measure(
              ctx,
              "part6-CMD_short-0",
              "TLS",
              "CMD_short:0",
              0,
              port,
              decodeAs,
              "",
              clock,
              () -> client.send(at, PmuCommand.parse("CMD_short:0"), clock));
      if (sessions.isEmpty()) {
        throw new IllegalStateException("the TLS handshake completed but was not reported");
      }
      TlsSessionInfo tls = sessions.getFirst();
      List<String> described = new ArrayList<>();
      for (X509Certificate c : tls.peerCertificates()) {
        described.add(
            "subject "
                + c.getSubjectX500Principal().getName()
                + ", issuer "
                + c.getIssuerX500Principal().getName()
                + ", "
                + c.getPublicKey().getAlgorithm()
                + " key, valid "
                + c.getNotBefore().toInstant()
                + " to "
                + c.getNotAfter().toInstant());
      }
      List<Packet> packets = new ArrayList<>();
      if (session.capture() != null) {
        Path file = ctx.out().resolve(session.capture());
        for (String[] row :
            ctx.captures()
                .fields(
                    file,
                    decodeAs,
                    "tcp.port==" + port,
                    "frame.time_relative",
                    "tcp.srcport",
                    "tcp.len",
                    "_ws.col.Info")) {
          String info = row.length > 3 ? row[3] : "";
          packets.add(
              new Packet(
                  Double.parseDouble(row[0]),
                  row[1].equals(String.valueOf(port)) ? "server" : "client",
                  Long.parseLong(row[2]),
                  Long.parseLong(row[2]) == 0 ? "" : info));
        }
      }
      return new Result(
          null,
          tls.protocol(),
          tls.cipherSuite(),
          described,
          session,
          packets,
          ctx.out().relativize(dir).toString());
    }
  }
}
