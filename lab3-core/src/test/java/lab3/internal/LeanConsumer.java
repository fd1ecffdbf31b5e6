package lab3.internal;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

/**
 * What a consumer with lab3-core and Guava only does, run by {@link OptionalDependencyTest} in a
 * class loader that holds nothing else. Each step reports "ok ..." or the exception's class and
 * message, one line per step, so that the test can check both what works and how what cannot work
 * fails. It names no test framework: the loader does not hold one.
 */
public final class LeanConsumer {
  private LeanConsumer() {}

  /** The steps, in order; {@code dir} holds PEM files made beforehand (with BouncyCastle). */
  public static List<String> run(Path dir) {
    List<String> out = new ArrayList<>();
    out.add(step("pmu", LeanConsumer::pmu));
    out.add(step("reset", LeanConsumer::reset));
    out.add(
        step(
            "tls-jdk-keys",
            () -> {
              // PKCS#8 key and certificates: read by the JDK alone.
              try (PmuServer pmu =
                  PmuServer.builder()
                      .tls(dir.resolve("cert.pem"), dir.resolve("key8.pem"))
                      .port(0)
                      .messages(2)
                      .build()
                      .start()) {
                TlsTransport tls = TlsTransport.builder().trust(dir.resolve("ca.pem")).build();
                long n =
                    PmuClient.builder()
                        .transport(tls)
                        .build()
                        .send(
                            new Endpoint("localhost", pmu.port()),
                            PmuCommand.parse("CMD_short:0"),
                            new PmuListener() {})
                        .messages();
                return "messages=" + n;
              }
            }));
    out.add(
        step(
            "tls-pkcs1-key",
            () ->
                PmuServer.builder().tls(dir.resolve("cert.pem"), dir.resolve("key1.pem")).build()));
    out.add(step("keypairs-jdk", () -> KeyPairs.describe(KeyPairs.rsa(1024).getPrivate())));
    out.add(step("dn-rfc2253", () -> DistinguishedNames.parse("CN=x,O=y").getName()));
    out.add(step("ws-client", () -> WsPmuClient.builder()));
    out.add(step("ws-server", () -> WsPmuServer.builder()));
    out.add(step("pem", () -> Pem.decode("-----BEGIN CERTIFICATE-----")));
    KeyPair keys = KeyPairs.ec(256);
    out.add(step("csr", () -> CertificateRequest.create(DistinguishedNames.parse("CN=x"), keys)));
    out.add(
        step(
            "ca",
            () ->
                CertificateAuthority.create(
                    DistinguishedNames.parse("CN=x"), keys, java.time.Duration.ofDays(1))));
    out.add(step("dn-slashes", () -> DistinguishedNames.parse("/CN=x")));
    out.add(step("ec-public-key", () -> KeyPairs.publicKeyOf(keys.getPrivate())));
    return out;
  }

  private static String pmu() throws Exception {
    try (PmuServer pmu =
        PmuServer.builder()
            .bindAddress(java.net.InetAddress.getLoopbackAddress())
            .port(0)
            .messages(3)
            .build()
            .start()) {
      List<String> got = new ArrayList<>();
      PmuClient.builder()
          .build()
          .send(
              new Endpoint("127.0.0.1", pmu.port()),
              PmuCommand.parse("CMD_short:0"),
              PmuListener.forMessages(got::add));
      return "messages=" + got.size();
    }
  }

  private static String reset() throws Exception {
    try (ResetServer server =
        ResetServer.builder().family(Family.IPV4).loopback(true).port(0).build().start()) {
      int offset =
          ResetClient.builder()
              .maxRounds(20)
              .build()
              .reset(new Endpoint("127.0.0.1", server.port()))
              .offset();
      return "offset=" + (offset >= 0 && offset <= 20);
    }
  }

  private static String step(String name, Callable<?> action) {
    try {
      Object result = action.call();
      return name + ": ok " + (result instanceof String s ? s : "");
    } catch (Throwable t) {
      return name + ": " + t.getClass().getName() + ": " + t.getMessage();
    }
  }
}
