package lab3.apps.grade;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import lab3.apps.report.ReportNetwork;
import lab3.pki.CertificateAuthority;
import lab3.pki.CertificateRequest;
import lab3.pki.KeyPairs;
import lab3.pki.Pem;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.tls.TlsTransport;
import lab3.transport.Endpoint;

/**
 * Part 6: the student's TLS PMU on localhost:5003, as the lab's graders run it, answering {@code
 * CMD_short:0} to a client that trusts the CA and checks the host name.
 *
 * <p>With {@code --ca}, the program serves the key and certificate of the hand-in ({@code
 * A_key.pem}, {@code A_cert.pem}) and the client trusts that CA: the whole chain is graded. Without
 * it, the bench makes a CA of its own and writes a fresh key and certificate into its copy of the
 * folder under those names: the server code is graded, not the student's certificate.
 *
 * <p>On the lab network the server runs on {@code pc}, like every program of the hand-in, and the
 * bench's client connects to it there, on pc's {@code localhost:5003}: as the lab's graders run it,
 * and with the certificate the hand-in has, which names the student's machine, not {@code
 * tcpip.lab}. Port 5003 is free there (pc is the hand-in's own).
 */
final class Part6Checks {
  static final int PORT = 5003;

  private Part6Checks() {}

  static List<Check> all(Path courseCa) {
    return List.of(
        new Check(
            "Part6_PMU", "serves CMD_short:0 over TLS on localhost:5003", b -> check(b, courseCa)));
  }

  private static String check(Bench bench, Path courseCa) throws Exception {
    Path dir = bench.submission().dir();
    String a = bench.camipro1();
    Path cert = dir.resolve(a + "_cert.pem");
    Path key = dir.resolve(a + "_key.pem");
    Path trusted;
    if (courseCa != null) {
      if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
        return "the hand-in has no " + cert.getFileName() + " and " + key.getFileName();
      }
      trusted = courseCa;
    } else {
      trusted = Bench.harness(() -> issueOwn(dir, cert, key));
    }
    ReportNetwork network = bench.network();
    if (!network.onClient(() -> portFree(PORT))) {
      throw new Bench.HarnessException(
          "port " + PORT + " on localhost is taken by another program: cannot grade Part 6 now");
    }
    ProcessRunner.Running server = bench.start("Part6_PMU");
    long deadline = System.nanoTime() + bench.limit().toNanos();
    while (!network.onClient(() -> accepts(PORT))) {
      if (!server.isAlive()) {
        ProcessRunner.Result r = server.stop();
        return "the server exited with status "
            + r.exit()
            + " before listening"
            + Outcome.lastLine(r.stderr());
      }
      if (System.nanoTime() > deadline) {
        return "nothing listens on localhost:"
            + PORT
            + " after "
            + bench.limit().toSeconds()
            + " s";
      }
      Thread.sleep(100);
    }
    List<String> messages = new ArrayList<>();
    PmuClient client =
        PmuClient.builder()
            .transport(TlsTransport.builder().trust(trusted).build())
            .readTimeout(Duration.ofSeconds(10))
            .build();
    PmuResult result =
        network.onClient(
            () ->
                client.send(
                    new Endpoint("localhost", PORT),
                    PmuCommand.Short.seconds(0),
                    new PmuListener() {
                      @Override
                      public void onMessage(String message) {
                        messages.add(message);
                      }
                    }));
    if (result.messages() == 0) {
      return "the TLS session worked but no message came back";
    }
    for (int i = 0; i < messages.size(); i++) {
      if (!messages.get(i).equals("This is PMU data " + (i + 1))) {
        return "message " + (i + 1) + " was '" + messages.get(i) + "'";
      }
    }
    return null;
  }

  /** A CA of the bench's, and a key and certificate for localhost signed by it. */
  private static Path issueOwn(Path dir, Path cert, Path key) throws Exception {
    CertificateAuthority ca =
        CertificateAuthority.create(
            new X500Principal("CN=Lab3 grading bench CA"), KeyPairs.ec(256), Duration.ofDays(1));
    KeyPair keys = KeyPairs.rsa(2048);
    var request = CertificateRequest.create(new X500Principal("CN=localhost"), keys);
    Files.deleteIfExists(cert);
    Files.deleteIfExists(key);
    Pem.write(cert, ca.issue(request).validFor(Duration.ofDays(1)).sign());
    Pem.write(key, keys.getPrivate());
    Path caFile = dir.resolve("grading-bench-ca.pem");
    Pem.write(caFile, ca.certificate());
    return caFile;
  }

  private static boolean portFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
