package lab3.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab3.multicast.MulticastChannel;
import lab3.pki.CertificateAuthority;
import lab3.pki.CertificateRequest;
import lab3.pki.DistinguishedNames;
import lab3.pki.KeyPairs;
import lab3.pki.Pem;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuServer;
import lab3.reset.ResetClient;
import lab3.reset.ResetServer;
import lab3.tls.TlsTransport;
import lab3.transport.Endpoint;
import lab3.transport.Family;
import lab3.ws.WsPmuClient;
import lab3.ws.WsPmuServer;

/** One small use of each public area of lab3-core, each on loopback and port 0. */
public final class Examples {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private Examples() {}

  /** Part 2: the PMU emulator and client over TCP; the messages received. */
  public static List<String> pmu(int n) throws IOException {
    try (PmuServer pmu = PmuServer.builder().bindAddress(LOOPBACK).port(0).messages(n).build()) {
      pmu.start();
      List<String> got = new ArrayList<>();
      PmuClient.builder()
          .build()
          .send(
              new Endpoint("127.0.0.1", pmu.port()),
              PmuCommand.parse("CMD_short:0"),
              PmuListener.forMessages(got::add));
      return got;
    }
  }

  /** Part 3: the reset emulator and client over UDP; the offset acknowledged. */
  public static int reset() throws IOException {
    try (ResetServer server =
        ResetServer.builder().family(Family.IPV4).loopback(true).port(0).build().start()) {
      return ResetClient.builder()
          .maxRounds(50)
          .build()
          .reset(new Endpoint("127.0.0.1", server.port()))
          .offset();
    }
  }

  /** Part 4: one datagram to a group on the loopback interface; the text received. */
  public static String multicast(InetAddress group, String text) throws IOException {
    try (MulticastChannel receiver =
            MulticastChannel.builder()
                .group(group)
                .port(0)
                .networkInterface(MulticastChannel.loopbackInterface())
                .ttl(1)
                .open()
                .join();
        MulticastChannel sender =
            MulticastChannel.builder()
                .group(group)
                .port(receiver.port())
                .networkInterface(MulticastChannel.loopbackInterface())
                .ttl(1)
                .open()) {
      sender.send("123456", text);
      return receiver.receive(Duration.ofSeconds(10)).text();
    }
  }

  /** Part 5: the WebSocket emulator (Jetty) and client (OkHttp); the messages received. */
  public static List<String> webSocket(int n) throws IOException {
    try (WsPmuServer server =
            WsPmuServer.builder().bindAddress(LOOPBACK).port(0).messages(n).build().start();
        WsPmuClient client = WsPmuClient.builder().build()) {
      List<String> got = new ArrayList<>();
      client.send(
          new Endpoint("127.0.0.1", server.port()),
          PmuCommand.parse("CMD_short:0"),
          PmuListener.forMessages(got::add));
      return got;
    }
  }

  /**
   * Part 6: a CA and a server certificate from {@code lab3.pki}, written as PEM files in {@code
   * dir}, a TLS PMU serving them and a client trusting the CA; the messages received.
   */
  public static List<String> tls(Path dir, int n) throws IOException {
    CertificateAuthority ca =
        CertificateAuthority.create(
            DistinguishedNames.parse("/O=Example/CN=Example CA"),
            KeyPairs.ec(256),
            Duration.ofDays(1));
    KeyPair keys = KeyPairs.rsa(2048);
    X509Certificate cert =
        ca.issue(CertificateRequest.create(DistinguishedNames.parse("/CN=localhost"), keys))
            .names(List.of("localhost"))
            .sign();
    Pem.write(dir.resolve("cacert.pem"), ca.certificate());
    Pem.write(dir.resolve("cert.pem"), cert);
    Pem.write(dir.resolve("key.pem"), keys.getPrivate());
    try (PmuServer pmu =
        PmuServer.builder().tls(dir.resolve("cert.pem"), dir.resolve("key.pem"))
            .bindAddress(LOOPBACK)
            .port(0)
            .messages(n)
            .build()
            .start()) {
      List<String> got = new ArrayList<>();
      PmuClient.builder()
          .transport(TlsTransport.builder().trust(dir.resolve("cacert.pem")).build())
          .build()
          .send(
              new Endpoint("localhost", pmu.port()),
              PmuCommand.parse("CMD_short:0"),
              PmuListener.forMessages(got::add));
      return got;
    }
  }

  /**
   * Runs every example and prints what each gave.
   *
   * @param args none
   * @throws IOException if one fails
   */
  public static void main(String[] args) throws IOException {
    System.out.println("pmu: " + pmu(3));
    System.out.println("reset: OFFSET=" + reset());
    System.out.println("multicast: " + multicast(InetAddress.getByName("239.77.1.9"), "hello"));
    System.out.println("ws: " + webSocket(3));
    Path dir = java.nio.file.Files.createTempDirectory("lab3-example");
    System.out.println("tls: " + tls(dir, 3));
  }
}
