package lab3.grading;

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
public final class Part6Checks {
  static final int PORT = 5003;

  private Part6Checks() {}

  /** The name of the advice check on the key's size. */
  static final String KEY_SIZE = "a private key of 2048 bits or more";

  /** The name of the advice check on a second connection. */
  static final String SECOND_PDC = "serves a second PDC after the first";

  /**
   * The scored check, and two checks reported as advice (never scored: the course's grader
   * connected once and accepted keys of 1024 bits): the server serves a second connection, and the
   * hand-in's key has 2048 bits or more.
   */
  public static List<Check> all(Path courseCa, Policy policy) {
    List<Check> checks = new java.util.ArrayList<>();
    checks.add(
        new Check(
            "Part6_PMU",
            "serves CMD_short:0 over TLS on localhost:5003",
            b -> check(b, courseCa, false)));
    if (!policy.is("part6.second-connection", "skip")) {
      checks.add(new Check("Part6_PMU", SECOND_PDC, b -> check(b, courseCa, true)).asAdvice());
    }
    checks.add(new Check("Part6_PMU", KEY_SIZE, Part6Checks::keySize).asAdvice());
    return List.copyOf(checks);
  }

  /**
   * Advice on the hand-in's own keys ({@code A_key.pem}, {@code B_key.pem}, as handed in): an RSA
   * key under 2048 bits, as the lab text's {@code openssl genrsa -out CAMIPRO1_key.pem 1024} makes
   * it, is accepted (the course accepted it) but named, since today's TLS libraries refuse it.
   */
  private static String keySize(Bench bench) {
    return keyAdvice(bench.handedIn(), List.of(bench.camipro1(), bench.camipro2()));
  }

  /**
   * The key-size advice on the members' {@code <camipro>_key.pem} in {@code dir}, or null if there
   * is none to give. A key file larger than {@link #KEY_FILE_LIMIT} is not read (the bench parses
   * it in its own process): the advice says so instead of advising on it.
   */
  static String keyAdvice(Path dir, List<String> members) {
    List<String> small = new java.util.ArrayList<>();
    List<String> unread = new java.util.ArrayList<>();
    for (String who : members) {
      Path file = dir.resolve(who + "_key.pem");
      if (Files.isRegularFile(file)) {
        int bits = rsaBits(file);
        if (bits == TOO_LARGE) {
          unread.add(file.getFileName().toString());
        } else if (bits > 0 && bits < 2048) {
          small.add(file.getFileName() + " (" + bits + " bits)");
        }
      }
    }
    List<String> said = new java.util.ArrayList<>();
    if (!small.isEmpty()) {
      said.add(smallKeyAdvice(small));
    }
    if (!unread.isEmpty()) {
      said.add(
          "The key file "
              + String.join(" and ", unread)
              + " is larger than "
              + KEY_FILE_LIMIT / 1024
              + " KiB, where a PEM private key takes a few KB (4 KB for 4096 bits): the bench did"
              + " not read it, so there is no advice on its key size.");
    }
    return said.isEmpty() ? null : String.join(" ", said);
  }

  /** The advice sentence for RSA keys under 2048 bits. */
  static String smallKeyAdvice(List<String> keys) {
    return "The key "
        + String.join(" and ", keys)
        + " is what the lab text's 'openssl genrsa -out CAMIPRO1_key.pem 1024' makes, and the"
        + " course accepted it; today's TLS libraries refuse RSA keys under 2048 bits (OpenSSL's"
        + " default security level), so make 2048 bits for any server outside the lab (Part 6,"
        + " instructions for obtaining a private key).";
  }

  /**
   * The largest key file the advice reads: the hand-in's file is parsed in the bench's own process,
   * whose heap is small (256 MB in a grading engine), and a PEM RSA key of 16384 bits takes under
   * 13 KB.
   */
  static final int KEY_FILE_LIMIT = 64 * 1024;

  /** {@link #rsaBits}'s answer for a file larger than {@link #KEY_FILE_LIMIT}, not read. */
  static final int TOO_LARGE = -1;

  /**
   * The size of an RSA private key in bits; 0 for another kind or a file that is no key; {@link
   * #TOO_LARGE} for a file larger than {@link #KEY_FILE_LIMIT}, of which no more than that is read.
   */
  static int rsaBits(Path file) {
    try {
      byte[] bytes;
      try (java.io.InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(KEY_FILE_LIMIT + 1);
      }
      if (bytes.length > KEY_FILE_LIMIT) {
        return TOO_LARGE;
      }
      // ISO-8859-1, as Pem reads files: a binary file becomes text the parser rejects.
      String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (Pem.privateKey(text) instanceof java.security.interfaces.RSAKey rsa) {
        return rsa.getModulus().bitLength();
      }
    } catch (java.io.IOException | RuntimeException e) {
      // no key to advise on
    }
    return 0;
  }

  /** The advice sentence for a server that ended after its first connection. */
  static final String ONE_CONNECTION =
      "The server answered one connection and then exited: a PMU keeps serving PDCs, one after"
          + " another, as the PMU of Part 2 does (Part 6 keeps Part 2's exchange). The course's"
          + " grader connected once, so this is advice, not score. "
          + Policy.tag("part6.second-connection");

  private static String check(Bench bench, Path courseCa, boolean twice) throws Exception {
    // The server listens on the lab's fixed port: a check of this hand-in that uses the same port
    // (Part 6's other check, or a Part 2 emulator on tcpip.epfl.ch:5003 in a shared network)
    // waits for it.
    bench.exclusively("port " + PORT);
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
    String wrong = CourseTlsClient.judge(received, how);
    if (!twice) {
      return wrong;
    }
    if (wrong != null) {
      return "not judged: the first connection already failed (see the check above)";
    }
    try {
      String again =
          network.onClient(() -> CourseTlsClient.ask(trusted, PORT, "CMD_short:0", strict));
      return CourseTlsClient.judge(again, " (second connection)" + how);
    } catch (java.io.IOException e) {
      // A server that closed its socket to exit is gone within moments: wait for that signal.
      try {
        server.handle().onExit().get(2, java.util.concurrent.TimeUnit.SECONDS);
        return ONE_CONNECTION + how;
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        // it lives on: the second connection failed for another reason
      }
      return "the second connection failed: " + lab3.report.Failures.describe(e) + how;
    }
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
