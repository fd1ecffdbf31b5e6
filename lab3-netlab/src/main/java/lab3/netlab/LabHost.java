package lab3.netlab;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.security.auth.x500.X500Principal;
import lab3.multicast.TvProgram;
import lab3.pki.CertificateAuthority;
import lab3.pki.CertificateRequest;
import lab3.pki.KeyPairs;
import lab3.pki.Pem;
import lab3.pmu.PmuServer;
import lab3.reset.ResetServer;
import lab3.transport.Addresses;
import lab3.ws.WsPmuServer;

/**
 * The lab's server host in one process: the PMU over TCP, the reset PMU over UDP, the TV program on
 * a multicast group, the WebSocket PMU and the TLS PMU. {@link #start} starts them in that order
 * and, if one cannot start, closes the others and names it; {@link #close} stops them all.
 */
public final class LabHost implements Closeable {

  /** Everything {@code ./lab3 serve} can set. Ports may be 0 (any free port), for tests. */
  public record Config(
      int pmuPort,
      int minMessages,
      int maxMessages,
      int resetPort,
      ResetFamily resetFamily,
      double resetLoss,
      Duration resetPeriod,
      InetAddress tvGroup,
      int tvPort,
      NetworkInterface tvInterface,
      Duration tvInterval,
      int wsPort,
      int tlsPort,
      Path tlsDir,
      Path tlsCert,
      Path tlsKey) {}

  /** A service that failed to start, named. */
  public static final class ServiceException extends IOException {
    ServiceException(String service, IOException cause) {
      super("cannot start the " + service + ": " + cause.getMessage(), cause);
    }
  }

  private final List<Closeable> running = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private PmuServer pmu;
  private ResetServer reset;
  private TvProgram tv;
  private WsPmuServer ws;
  private PmuServer tls;
  private Path trustedCa;

  private LabHost() {}

  /**
   * Starts every service.
   *
   * @throws ServiceException naming the service that could not start (the others are closed)
   */
  public static LabHost start(Config config, Consumer<String> log) throws IOException {
    return start(config, EmulatorProfile.LAB_TEXT, log);
  }

  /**
   * Starts every service, following {@code profile} where the course's servers differed from the
   * lab text (see {@link EmulatorProfile}): the PMU's numbering and floodme (the WebSocket PMU's
   * floodme too), the reset PMU's answers. The settings of {@code config} (message counts, loss,
   * families, period) are used as given.
   *
   * @throws ServiceException naming the service that could not start (the others are closed)
   */
  public static LabHost start(Config config, EmulatorProfile profile, Consumer<String> log)
      throws IOException {
    LabHost host = new LabHost();
    try {
      host.startAll(config, profile, log);
      return host;
    } catch (IOException | RuntimeException e) {
      host.close();
      throw e;
    }
  }

  private void startAll(Config c, EmulatorProfile profile, Consumer<String> log)
      throws IOException {
    pmu =
        service(
            "PMU (TCP)",
            () ->
                PmuServer.builder()
                    .port(c.pmuPort())
                    .messages(c.minMessages(), c.maxMessages())
                    .firstMessage(profile.firstMessage())
                    .floodText(profile.floodText())
                    .log(line -> log.accept("pmu: " + line))
                    .build()
                    .start());
    lines.add(
        line(
            "PMU (TCP)",
            Addresses.format(pmu.address()),
            "Part 2" + (profile == EmulatorProfile.COURSE ? ", course profile" : "")));

    reset =
        service(
            "reset PMU (UDP)",
            () ->
                c.resetFamily()
                    .applyTo(ResetServer.builder().profile(profile.reset()))
                    .port(c.resetPort())
                    .loss(c.resetLoss())
                    .period(c.resetPeriod())
                    .log(line -> log.accept("reset: " + line))
                    .build()
                    .start());
    String resetHow =
        c.resetFamily().alternate()
            ? "family alternates every " + c.resetPeriod().toSeconds() + " s"
            : switch (c.resetFamily().family()) {
              case ANY -> "IPv4 and IPv6";
              case IPV4 -> "IPv4 only";
              case IPV6 -> "IPv6 only";
            };
    lines.add(
        line(
            "reset PMU (UDP)",
            "port " + reset.port(),
            "Part 3, "
                + resetHow
                + ", loss "
                + c.resetLoss()
                + (profile == EmulatorProfile.COURSE
                    ? ", course profile (OFFSET:X, 'Wrong command.')"
                    : "")));

    tv =
        service(
            "TV program (multicast)",
            () ->
                TvProgram.builder()
                    .group(c.tvGroup())
                    .port(c.tvPort())
                    .networkInterface(c.tvInterface())
                    .interval(c.tvInterval())
                    .log(line -> log.accept("tv: " + line))
                    .build()
                    .start());
    lines.add(
        line(
            "TV program",
            c.tvGroup().getHostAddress() + ":" + tv.port(),
            "Part 4, on "
                + c.tvInterface().getName()
                + ", TTL 1, a line every "
                + c.tvInterval().toMillis()
                + " ms"));

    ws =
        service(
            "WebSocket PMU",
            () ->
                WsPmuServer.builder()
                    .port(c.wsPort())
                    .messages(c.minMessages(), c.maxMessages())
                    .floodText(profile.floodText())
                    .log(line -> log.accept("ws: " + line))
                    .build()
                    .start());
    lines.add(line("WebSocket PMU", "ws://" + Addresses.format(ws.address()) + "/", "Part 5"));

    Path[] pair = tlsPair(c);
    tls =
        service(
            "TLS PMU",
            () ->
                PmuServer.builder()
                    .tls(pair[0], pair[1])
                    .port(c.tlsPort())
                    .messages(c.minMessages(), c.maxMessages())
                    .log(line -> log.accept("tls: " + line))
                    .build()
                    .start());
    lines.add(
        line(
            "TLS PMU",
            Addresses.format(tls.address()),
            "Part 6" + (trustedCa == null ? "" : ", clients trust " + trustedCa)));
  }

  /**
   * The TLS certificate and key: the given ones, or those in the state folder, made there (a CA and
   * a certificate for localhost, 127.0.0.1 and ::1, and for the lab network's names {@code
   * tcpip.lab} and {@code labhost}, so that {@code part6-pdc --server tcpip.lab} works against a
   * {@code serve} run on netlab's labhost) on first start.
   */
  private Path[] tlsPair(Config c) throws IOException {
    if (c.tlsCert() != null) {
      return new Path[] {c.tlsCert(), c.tlsKey()};
    }
    Path dir = c.tlsDir();
    Path cert = dir.resolve("server_cert.pem");
    Path key = dir.resolve("server_key.pem");
    trustedCa = dir.resolve(CertificateAuthority.CERTIFICATE_FILE);
    if (!Files.isRegularFile(cert)
        || !Files.isRegularFile(key)
        || !Files.isRegularFile(trustedCa)) {
      Files.createDirectories(dir);
      CertificateAuthority ca =
          CertificateAuthority.create(
              new X500Principal("CN=Lab3 course CA (local)"),
              KeyPairs.ec(256),
              Duration.ofDays(3650));
      Files.deleteIfExists(dir.resolve(CertificateAuthority.KEY_FILE));
      Files.deleteIfExists(trustedCa);
      ca.save(dir);
      KeyPair keys = KeyPairs.rsa(KeyPairs.RSA_RECOMMENDED_BITS);
      Files.deleteIfExists(key);
      Pem.write(key, keys.getPrivate());
      Pem.write(
          cert,
          ca.issue(CertificateRequest.create(new X500Principal("CN=localhost,O=Lab3"), keys))
              .names(TLS_NAMES)
              .validFor(Duration.ofDays(825))
              .sign());
    }
    return new Path[] {cert, key};
  }

  /** The names of the certificate {@code serve} makes: loopback's and the lab network's. */
  private static final List<String> TLS_NAMES =
      List.of("localhost", "127.0.0.1", "::1", "tcpip.lab", "labhost");

  @FunctionalInterface
  private interface Starter<T extends Closeable> {
    T start() throws IOException;
  }

  private <T extends Closeable> T service(String name, Starter<T> starter) throws IOException {
    try {
      T service = starter.start();
      running.add(service);
      return service;
    } catch (IOException e) {
      throw new ServiceException(name, e);
    }
  }

  private static String line(String service, String where, String what) {
    return String.format("%-16s %-26s %s", service, where, what);
  }

  /** One line per service: what listens where. */
  public List<String> describe() {
    return List.copyOf(lines);
  }

  public int pmuPort() {
    return pmu.port();
  }

  public int resetPort() {
    return reset.port();
  }

  public int tvPort() {
    return tv.port();
  }

  public int wsPort() {
    return ws.port();
  }

  public int tlsPort() {
    return tls.port();
  }

  /** The CA file clients of the TLS PMU trust, when the host made it (null for given pairs). */
  public Path trustedCa() {
    return trustedCa;
  }

  @Override
  public void close() {
    for (Closeable service : running.reversed()) {
      try {
        service.close();
      } catch (IOException | RuntimeException ignored) {
        // stop the others anyway
      }
    }
    running.clear();
  }
}
