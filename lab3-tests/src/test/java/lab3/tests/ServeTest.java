package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import lab3.multicast.MulticastChannel;
import lab3.netlab.LabHost;
import lab3.netlab.ResetFamily;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lab3 serve}: one host answers every part's client. */
class ServeTest {
  @TempDir static Path tls;
  private static LabHost host;
  private static String group;

  @BeforeAll
  static void start() throws IOException {
    group = randomGroup();
    host = onPortZero(tls, group);
  }

  /** A random administratively scoped IPv4 group, so that parallel runs do not meet. */
  static String randomGroup() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "239." + r.nextInt(1, 255) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  /** {@code ./lab3 serve} with every service on a free port, its TLS files in {@code tls}. */
  static LabHost onPortZero(Path tls, String group) throws IOException {
    return LabHost.start(
        new LabHost.Config(
            0,
            5,
            5,
            0,
            ResetFamily.BOTH,
            0,
            Duration.ofSeconds(30),
            InetAddress.getByName(group),
            0,
            MulticastChannel.loopbackInterface(),
            Duration.ofMillis(50),
            0,
            0,
            tls,
            null,
            null),
        line -> {});
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  @Test
  void describesEveryServiceInOneLine() {
    assertEquals(5, host.describe().size());
    assertTrue(host.describe().get(4).contains("clients trust " + tls.resolve("cacert.pem")));
  }

  @Test
  void part2ClientGetsTheMessages() {
    CommandRun run = CommandRun.of("part2", "::1", "" + host.pmuPort(), "CMD_short:0");
    assertEquals(Part2CommandTest.lines(5), run.out(), run.stderr());
  }

  @Test
  void part3ClientGetsAnOffsetOverEitherFamily() {
    for (String address : new String[] {"127.0.0.1", "::1"}) {
      CommandRun run = CommandRun.of("part3", address, "" + host.resetPort(), "--max-rounds", "20");
      assertTrue(run.out().matches("OFFSET=\\d+\n"), run.out() + run.stderr());
    }
  }

  @Test
  void part4ReceiverHearsTheProgram() {
    CommandRun run = CommandRun.of("part4-receiver", group, "" + host.tvPort(), "--count", "2");
    assertEquals(0, run.status(), run.stderr());
    assertTrue(run.out().startsWith("swcmTV: "), run.out());
  }

  @Test
  void part5ClientGetsTheMessages() {
    CommandRun run = CommandRun.of("part5", "127.0.0.1", "" + host.wsPort(), "CMD_short:0");
    assertEquals(Part2CommandTest.lines(5), run.out(), run.stderr());
  }

  @Test
  void part6ClientTrustsTheCaTheHostMade() {
    CommandRun run =
        CommandRun.of(
            "part6-pdc", "CMD_short:0", host.trustedCa().toString(), "--port", "" + host.tlsPort());
    assertEquals(Part2CommandTest.lines(5), run.out(), run.stderr());
  }

  @Test
  void theCertificateItMakesNamesLoopbackAndTheLabNetwork() throws Exception {
    X509Certificate cert;
    try (var in = Files.newInputStream(tls.resolve("server_cert.pem"))) {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    List<String> names =
        cert.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
    // tcpip.lab and labhost: part6-pdc --server tcpip.lab against serve on netlab's labhost.
    assertTrue(
        names.containsAll(List.of("localhost", "127.0.0.1", "tcpip.lab", "labhost")),
        names.toString());
  }

  @Test
  void aTakenPortIsNamedWithItsService() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("::"))) {
      CommandRun run =
          CommandRun.of(
              "serve",
              "--pmu-port",
              "" + taken.getLocalPort(),
              "--tls-dir",
              Files.createTempDirectory(tls, "x").toString());
      assertEquals(1, run.status());
      assertTrue(
          run.stderr().startsWith("lab3 serve: cannot start the PMU (TCP): cannot listen on [::]:"),
          run.stderr());
      assertEquals(1, run.stderr().lines().count(), run.stderr());
    }
  }

  @Test
  void badSettingsAreUsageErrors() throws IOException {
    Path config = Files.writeString(tls.resolve("bad.properties"), "no-such-setting=1\n");
    assertEquals(2, CommandRun.of("serve", "--config", config.toString()).status());
    assertEquals(2, CommandRun.of("serve", "--reset-loss", "1.5").status());
    assertEquals(2, CommandRun.of("serve", "--reset-family", "v5").status());
    assertEquals(2, CommandRun.of("serve", "--tv-group", "10.0.0.1").status());
  }
}
