package lab3.apps.grade;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import lab3.netlab.LabEnvironment;
import lab3.pki.CertificateAuthority;
import lab3.pki.CertificateRequest;
import lab3.pki.KeyPairs;
import lab3.pki.Pem;

/**
 * Part 6: the student's TLS PMU on localhost:5003, answering {@code CMD_short:0} to a client that
 * behaves as the course's graders' client did (FACTS.md, "Part 6, the graders' TLS client"): it
 * connects over IPv4 to {@code localhost:5003} once, trusts the CA, checks <b>no</b> host name (the
 * certificates the course signed name a student, with no subjectAltName), sends its command and
 * reads what comes until the server closes. The policy's {@code part6.client=strict} adds the
 * host-name check.
 *
 * <p>Whether the server listens is read from the kernel's table of its network namespace ({@link
 * Listening}), never probed with a connection: a server that wraps each accepted socket with no
 * {@code try}, as nearly all students' do, would die of the probe.
 *
 * <p>With {@code --ca}, the program serves the key and certificate of the hand-in ({@code
 * A_key.pem} and {@code A_cert.pem}, or the second member's {@code B_...}) and the client trusts
 * that CA: the whole chain is graded. Without it, the bench makes a CA of its own and writes a
 * fresh key and certificate into its copy of the folder under both members' names: the server code
 * is graded, not the student's certificate. A server whose source reads two arguments ({@link
 * Invocation}) is given {@code <cert> <key>} too.
 *
 * <p>On the lab network the server runs on {@code pc}, like every program of the hand-in, and the
 * bench's client connects to it there, on pc's {@code localhost:5003}, as the lab's graders ran it.
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
    Path cert = null;
    Path key = null;
    Path trusted;
    if (courseCa != null) {
      for (String who : List.of(bench.camipro1(), bench.camipro2())) {
        if (cert == null
            && Files.isRegularFile(dir.resolve(who + "_cert.pem"))
            && Files.isRegularFile(dir.resolve(who + "_key.pem"))) {
          cert = dir.resolve(who + "_cert.pem");
          key = dir.resolve(who + "_key.pem");
        }
      }
      if (cert == null) {
        return "the hand-in has no "
            + bench.camipro1()
            + "_cert.pem and "
            + bench.camipro1()
            + "_key.pem (nor the second member's)";
      }
      trusted = courseCa;
    } else {
      cert = dir.resolve(bench.camipro1() + "_cert.pem");
      key = dir.resolve(bench.camipro1() + "_key.pem");
      Path c = cert;
      Path k = key;
      trusted =
          Bench.harness(
              () ->
                  issueOwn(
                      dir,
                      c,
                      k,
                      dir.resolve(bench.camipro2() + "_cert.pem"),
                      dir.resolve(bench.camipro2() + "_key.pem")));
    }
    LabEnvironment network = bench.network();
    if (!network.onClient(() -> portFree(PORT))) {
      throw new Bench.HarnessException(
          "port " + PORT + " on localhost is taken by another program: cannot grade Part 6 now");
    }
    Path source = Invocation.source(bench, "Part6_PMU");
    boolean certKey = source != null && Invocation.argumentsRead(source) >= 2;
    String how =
        certKey
            ? " (run as: Part6_PMU " + cert.getFileName() + " " + key.getFileName() + ")"
            : " (run with no argument)";
    ProcessRunner.Running server =
        certKey
            ? bench.start("Part6_PMU", cert.getFileName().toString(), key.getFileName().toString())
            : bench.start("Part6_PMU");
    long deadline = System.nanoTime() + bench.limit().toNanos();
    while (!Listening.onPort(server.handle(), PORT)) {
      if (!server.isAlive()) {
        ProcessRunner.Result r = server.stop();
        return "the server exited with status "
            + r.exit()
            + " before listening"
            + Outcome.lastLine(r.stderr())
            + how;
      }
      if (System.nanoTime() > deadline) {
        return "nothing listens on localhost:"
            + PORT
            + " after "
            + bench.limit().toSeconds()
            + " s"
            + how;
      }
      Thread.sleep(50);
    }
    boolean strict = bench.policy().is("part6.client", "strict");
    String received;
    try {
      received = network.onClient(() -> CourseTlsClient.ask(trusted, PORT, "CMD_short:0", strict));
    } catch (javax.net.ssl.SSLException e) {
      String ended = server.isAlive() ? "" : "; the server has ended" + serverEnd(server);
      String message = String.valueOf(e.getMessage());
      String plain =
          message.contains("PKIX") || message.contains("trust anchor")
              ? "untrusted certificate: the server's certificate does not chain to the CA the"
                  + " course's client trusts ("
                  + message
                  + ")"
              : message.contains("No name matching") || message.contains("No subject alternative")
                  ? "host name mismatch: the certificate does not name localhost (" + message + ")"
                  : message;
      return "the TLS handshake failed: " + plain + ended + " " + Policy.tag("part6.client") + how;
    } catch (java.io.IOException e) {
      return "the course's client could not talk to the server: "
          + lab3.report.Failures.describe(e)
          + how;
    }
    return CourseTlsClient.judge(received, how);
  }

  private static String serverEnd(ProcessRunner.Running server) throws InterruptedException {
    ProcessRunner.Result r = server.stop();
    return " (status " + r.exit() + Outcome.lastLine(r.stderr()) + ")";
  }

  /** A CA of the bench's, and a key and certificate for localhost signed by it. */
  private static Path issueOwn(Path dir, Path cert, Path key, Path cert2, Path key2)
      throws Exception {
    CertificateAuthority ca =
        CertificateAuthority.create(
            new X500Principal("CN=Lab3 grading bench CA"), KeyPairs.ec(256), Duration.ofDays(1));
    KeyPair keys = KeyPairs.rsa(2048);
    var request = CertificateRequest.create(new X500Principal("CN=localhost"), keys);
    Files.deleteIfExists(cert);
    Files.deleteIfExists(key);
    Pem.write(cert, ca.issue(request).validFor(Duration.ofDays(1)).sign());
    Pem.write(key, keys.getPrivate());
    // The same pair under the second member's name, for a server that reads that one.
    Files.deleteIfExists(cert2);
    Files.deleteIfExists(key2);
    Files.copy(cert, cert2);
    Files.copy(key, key2);
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
}
