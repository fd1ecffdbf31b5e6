package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab3.apps.Main;
import lab3.apps.cli.Io;
import lab3.pki.CertificateAuthority;
import lab3.pki.Pem;
import lab3.pmu.PmuServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lab3 pki}, {@code part6-pmu} and {@code part6-pdc} as users run them. */
class Part6CommandsTest {
  @TempDir Path dir;

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  @BeforeEach
  void makePki() {
    Tools.pki(dir);
  }

  private PmuServer pmu(String cert) throws IOException {
    return PmuServer.builder()
        .tls(dir.resolve(cert), dir.resolve("key.pem"))
        .bindAddress(InetAddress.getLoopbackAddress())
        .port(0)
        .messages(3)
        .build()
        .start();
  }

  private Tools.Result pdc(int port, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "part6-pdc", "CMD_short:0", path("ca/cacert.pem"), "--port", String.valueOf(port)));
    args.addAll(List.of(extra));
    return Tools.lab3(args.toArray(String[]::new));
  }

  @Test
  void pdcPrintsOnlyTheMessagesAndVerboseAddsTheHandshakeOnStderr() throws Exception {
    try (PmuServer pmu = pmu("cert.pem")) {
      Tools.Result quiet = pdc(pmu.port()).ok();
      Tools.Result verbose = pdc(pmu.port(), "-v").ok();

      assertEquals("This is PMU data 1\nThis is PMU data 2\nThis is PMU data 3\n", quiet.out());
      assertEquals("", quiet.err());
      assertEquals(quiet.out(), verbose.out());
      assertTrue(
          verbose
              .err()
              .matches(
                  "(?s)(connect localhost:\\d+: attempt 1, [^\n]+\n)+"
                      + "TLS: TLSv1\\.3, TLS_\\w+, server certificate CN=localhost,O=EPFL\n.*"),
          verbose.err());
    }
  }

  @Test
  void pdcRefusesAnUntrustedCertificateInOneLine() throws Exception {
    Tools.lab3(
            "pki", "ca", "--out", path("other"), "--algorithm", "ec", "--subject", "/CN=Other CA")
        .ok();
    Tools.lab3(
            "pki",
            "sign",
            "--ca",
            path("other"),
            "--csr",
            path("req.csr"),
            "--out",
            path("other.pem"))
        .ok();
    try (PmuServer pmu = pmu("other.pem")) {
      Tools.Result r = pdc(pmu.port());

      assertEquals(1, r.status());
      assertEquals("", r.out());
      assertEquals(
          "lab3 part6-pdc: untrusted certificate: CN=localhost,O=EPFL is signed by CN=Other CA,"
              + " not by the trusted CA CN=Lab3 Course CA,O=Lab3\n",
          r.err());
    }
  }

  @Test
  void pdcRefusesAnExpiredCertificateInOneLine() throws Exception {
    CertificateAuthority ca = CertificateAuthority.load(dir.resolve("ca"));
    Instant now = Instant.now();
    Pem.write(
        dir.resolve("expired.pem"),
        ca.issue(Pem.readCertificateRequest(dir.resolve("req.csr")))
            .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(2)))
            .sign());
    try (PmuServer pmu = pmu("expired.pem")) {
      Tools.Result r = pdc(pmu.port());

      assertEquals(1, r.status());
      assertTrue(
          r.err()
              .startsWith("lab3 part6-pdc: expired certificate: CN=localhost,O=EPFL expired on "),
          r.err());
      assertEquals(1, r.err().lines().count());
    }
  }

  @Test
  void pdcRefusesAHostNameMismatchInOneLine() throws Exception {
    Tools.lab3(
            "pki",
            "sign",
            "--ca",
            path("ca"),
            "--csr",
            path("req.csr"),
            "--out",
            path("named.pem"),
            "--san",
            "pmu.example.org")
        .ok();
    try (PmuServer pmu = pmu("named.pem")) {
      Tools.Result r = pdc(pmu.port(), "--server", "127.0.0.1");

      assertEquals(1, r.status());
      assertEquals(
          "lab3 part6-pdc: host name mismatch: the certificate of CN=localhost,O=EPFL is for"
              + " DNS:pmu.example.org, not for '127.0.0.1'\n",
          r.err());
    }
  }

  @Test
  void pdcSaysSoWhenTheServerIsPlainTcp() throws Exception {
    try (PmuServer plain =
        PmuServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0).build().start()) {
      Tools.Result r = pdc(plain.port());

      assertEquals(1, r.status());
      assertTrue(r.err().contains("does not speak TLS"), r.err());
    }
  }

  @Test
  void pmuServesOnLocalhostWithTheGivenFilesUntilInterrupted() throws Exception {
    LineSignal out = new LineSignal();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io =
        new Io(
            java.io.InputStream.nullInputStream(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    Thread server =
        Thread.ofVirtual()
            .start(
                () ->
                    Main.run(
                        new String[] {
                          "part6-pmu", path("cert.pem"), path("key.pem"), "--port", "0"
                        },
                        io));
    try {
      String line = out.firstLine.get(30, TimeUnit.SECONDS);
      Matcher m =
          Pattern.compile(
                  "PMU \\(TLS\\) listening on 127\\.0\\.0\\.1:(\\d+) as CN=localhost,O=EPFL")
              .matcher(line);
      assertTrue(m.find(), line);

      Tools.Result r = pdc(Integer.parseInt(m.group(1))).ok();

      assertEquals(20, r.out().lines().count(), "the default 20 messages");
    } finally {
      server.interrupt();
      server.join(10_000);
    }
  }

  @Test
  void keysAreOwnerOnlyWeakOnesWarnedAboutAndNeverOverwritten() throws Exception {
    Tools.Result weak = Tools.lab3("pki", "key", "--out", path("weak.pem"), "--bits", "1024").ok();
    Tools.Result again = Tools.lab3("pki", "key", "--out", path("weak.pem"));

    assertTrue(weak.err().startsWith("warning: RSA 1024 bits is weak"), weak.err());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("weak.pem"))));
    assertEquals(1, again.status());
    assertTrue(again.err().contains("never overwritten"), again.err());
  }

  @Test
  void showDescribesCertificatesAndRequestsInPlainWords() {
    Tools.Result cert = Tools.lab3("pki", "show", path("cert.pem")).ok();
    Tools.Result csr = Tools.lab3("pki", "show", path("req.csr")).ok();
    Tools.Result key = Tools.lab3("pki", "show", path("key.pem")).ok();

    assertTrue(cert.out().contains("  subject:     CN=localhost,O=EPFL\n"), cert.out());
    assertTrue(cert.out().contains("  issuer:      CN=Lab3 Course CA,O=Lab3\n"), cert.out());
    assertTrue(
        cert.out().contains("  names:       DNS:localhost, IP:127.0.0.1, IP:::1\n"), cert.out());
    assertTrue(cert.out().contains("(valid now)"), cert.out());
    assertTrue(
        csr.out().startsWith("certificate signing request\n  subject:     CN=localhost,O=EPFL\n"),
        csr.out());
    assertTrue(csr.out().contains("signature:   valid"), csr.out());
    assertEquals("private key: EC 256 bits\n", key.out());
  }

  @Test
  void badInputIsOneLineAndTheRightExitStatus() {
    Tools.Result swapped =
        Tools.lab3("part6-pmu", path("key.pem"), path("cert.pem"), "--port", "0");
    Tools.Result badSubject =
        Tools.lab3(
            "pki", "csr", "--key", path("key.pem"), "--subject", "/XX=1", "--out", path("x.csr"));
    Tools.Result unknown = Tools.lab3("pki", "frobnicate");
    Tools.Result missing = Tools.lab3("pki", "sign", "--csr", path("req.csr"));
    Tools.Result help = Tools.lab3("pki", "sign", "--help");

    assertEquals(1, swapped.status());
    assertEquals(
        "lab3 part6-pmu: " + path("key.pem") + ": expected a certificate, found a private key\n",
        swapped.err());
    assertEquals(2, badSubject.status());
    assertTrue(badSubject.err().startsWith("lab3 pki: unknown attribute 'XX'"), badSubject.err());
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("expected ca, key, csr, sign or show"), unknown.err());
    assertEquals(2, missing.status());
    assertTrue(missing.err().startsWith("lab3 pki: missing --ca\n"), missing.err());
    assertEquals(0, help.status());
    assertTrue(help.out().contains("--san <NAMES>"), help.out());
  }

  /** Collects output and completes {@link #firstLine} at the first newline. */
  private static final class LineSignal extends OutputStream {
    final CompletableFuture<String> firstLine = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
      if (b == '\n') {
        firstLine.complete(bytes.toString(StandardCharsets.UTF_8));
      }
    }
  }
}
