package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab3.netlab.LabHost;
import lab3.pmu.PmuServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outside audit of the TLS servers: sslscan (a Debian package, installed by {@code .ci/run}; the
 * test skips where it is missing) against Part 6's PMU and {@code ./lab3 serve}'s TLS port, on
 * loopback and port 0. Fails on any line that such an audit reports as weak: an old protocol
 * enabled, renegotiation that is insecure or that a client can start, compression, Heartbleed, an
 * accepted cipher suite without forward secrecy and authenticated encryption.
 */
class TlsAuditTest {
  /** What sslscan may accept: TLS 1.3 suites, and ECDHE with AES-GCM or ChaCha20-Poly1305. */
  private static final Pattern STRONG_SUITE =
      Pattern.compile(
          "TLS_AES_\\d+_GCM_SHA\\d+|TLS_CHACHA20_POLY1305_SHA256|ECDHE-(ECDSA|RSA)-"
              + "(AES\\d+-GCM-SHA\\d+|CHACHA20-POLY1305)");

  private static final Pattern ACCEPTED =
      Pattern.compile("^(Preferred|Accepted)\\s+(\\S+)\\s+\\d+ bits\\s+(\\S+)", Pattern.MULTILINE);

  @TempDir static Path dir;

  private static final boolean SSLSCAN = Tools.available("sslscan", "--version");
  private static final boolean TESTSSL = Tools.available("testssl", "--version");

  @BeforeAll
  static void needsATool() {
    assumeTrue(SSLSCAN || TESTSSL, "neither sslscan nor testssl (testssl.sh) is installed");
  }

  @Test
  void part6PmuPassesAnOutsideTlsAudit() throws IOException {
    Tools.pki(dir);
    try (PmuServer pmu =
        PmuServer.builder()
            .tls(dir.resolve("cert.pem"), dir.resolve("key.pem"))
            .bindAddress(InetAddress.getLoopbackAddress())
            .port(0)
            .log(line -> {})
            .build()
            .start()) {
      audit(pmu.port());
    }
  }

  @Test
  void serveTlsPortPassesAnOutsideTlsAudit() throws IOException {
    Path tls = dir.resolve("serve");
    java.nio.file.Files.createDirectories(tls);
    try (LabHost host = ServeTest.onPortZero(tls, ServeTest.randomGroup())) {
      audit(host.tlsPort());
    }
  }

  private static void audit(int port) throws IOException {
    if (SSLSCAN) {
      // A scan of one loopback server takes 1-3 s.
      Tools.Result scan =
          Tools.run(
              Duration.ofSeconds(60),
              null,
              null,
              "sslscan",
              "--no-colour",
              "--no-cipher-details",
              "127.0.0.1:" + port);
      assertEquals(0, scan.status(), scan.err());
      System.out.println("sslscan 127.0.0.1:" + port + "\n" + scan.out());
      assertSslscanIsClean(scan.out());
    }
    if (TESTSSL) {
      // Protocols, cipher categories, renegotiation and Heartbleed: about 30 s here.
      Tools.Result scan =
          Tools.run(
              Duration.ofSeconds(180),
              null,
              null,
              "testssl",
              "--quiet",
              "--color",
              "0",
              "--warnings",
              "off",
              "-p",
              "-s",
              "-R",
              "-H",
              "127.0.0.1:" + port);
      System.out.println("testssl 127.0.0.1:" + port + "\n" + scan.out());
      assertTestsslIsClean(scan.out());
    }
  }

  private static void assertTestsslIsClean(String report) {
    List<String> problems = new ArrayList<>();
    for (String line : report.lines().map(String::strip).toList()) {
      if (line.contains("VULNERABLE") || line.contains("NOT ok")) {
        problems.add(line);
      }
      if (line.matches("(SSLv2|SSLv3|TLS 1|TLS 1\\.1)\\s+.*") && !line.contains("not offered")) {
        problems.add("old protocol: " + line);
      }
      if (line.matches("(NULL|Anonymous|Export|LOW|Triple DES|Obsolete CBC).*")
          && !line.contains("not offered")) {
        problems.add("weak ciphers: " + line);
      }
    }
    assertTrue(report.contains("TLS 1.3    offered"), report);
    assertTrue(
        report
            .lines()
            .anyMatch(
                l -> l.matches(".*Secure Client-Initiated Renegotiation\\s+not vulnerable.*")),
        report);
    assertTrue(problems.isEmpty(), problems + "\n" + report);
  }

  private static void assertSslscanIsClean(String report) {
    List<String> problems = new ArrayList<>();
    for (String line : report.lines().map(String::strip).toList()) {
      if (line.matches("(SSLv2|SSLv3|TLSv1\\.0|TLSv1\\.1)\\s+enabled")) {
        problems.add("old protocol: " + line);
      }
      if (line.contains("renegotiation")
          && !line.endsWith(":")
          && !line.equals("Session renegotiation not supported")) {
        problems.add("renegotiation: " + line);
      }
      if (line.contains("vulnerable") && !line.contains("not vulnerable")) {
        problems.add("vulnerability: " + line);
      }
      if (line.startsWith("Compression") && !line.equals("Compression disabled")) {
        problems.add("compression: " + line);
      }
    }
    Matcher accepted = ACCEPTED.matcher(report);
    int suites = 0;
    while (accepted.find()) {
      suites++;
      if (!STRONG_SUITE.matcher(accepted.group(3)).matches()) {
        problems.add("weak suite: " + accepted.group(2) + " " + accepted.group(3));
      }
    }
    assertTrue(suites > 0, "sslscan found no accepted suite:\n" + report);
    assertTrue(report.contains("TLSv1.3   enabled"), report);
    assertTrue(report.contains("Session renegotiation not supported"), report);
    assertTrue(problems.isEmpty(), problems + "\n" + report);
  }
}
