package lab3.apps.part6;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.Serving;
import lab3.apps.part2.PmuServeOptions;
import lab3.pki.Pem;
import lab3.pmu.PmuServer;
import lab3.transport.Addresses;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 part6-pmu <cert.pem> <key.pem>}: the graders' command line for Part 6, the PMU of
 * Part 2 over TLS, on localhost:5003 until Ctrl+C.
 */
public final class Part6PmuCommand extends CliCommand {

  public Part6PmuCommand() {
    super(
        "part6-pmu",
        "<cert.pem> <key.pem>",
        "Part 6: the PMU over TLS (TLS 1.2/1.3), with a certificate and key in PEM, until Ctrl+C",
        2,
        2);
  }

  @Override
  protected void options(Options options) {
    options.addOption(
        Option.builder().longOpt("port").hasArg().desc("default 5003; 0 = any free port").get());
    options.addOption(
        Option.builder().longOpt("bind").hasArg().desc("local address, default localhost").get());
    options.addOption(
        Option.builder()
            .longOpt("messages")
            .hasArg()
            .argName("N|MIN-MAX")
            .desc("messages per CMD_short session (default 20)")
            .get());
  }

  @Override
  protected String footer() {
    return """
        The key may be PKCS#1 (openssl genrsa -traditional), PKCS#8 (openssl genrsa, genpkey,
        ./lab3 pki key) or SEC1 EC; the certificate file may hold the chain, server first.
        Example:
          ./lab3 part6-pmu server_cert.pem server_key.pem &
          ./lab3 part6-pdc CMD_short:0 ca/cacert.pem
        One log line per session on stderr; a failed handshake is one line too.""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    Path certFile = Args.readableFile("certificate", positional.get(0));
    Path keyFile = Args.readableFile("key", positional.get(1));
    List<X509Certificate> chain = Pem.readCertificates(certFile);
    PrivateKey key = Pem.readPrivateKey(keyFile);
    warnAbout(chain.getFirst(), key, io);

    PmuServer.Builder builder =
        PmuServer.builder()
            .tls(chain, key)
            .port(Args.portOption(line, "port", 5003))
            .bindAddress(InetAddress.getByName(line.getOptionValue("bind", "localhost")))
            .log(io.err()::println);
    if (line.hasOption("messages")) {
      int[] range = PmuServeOptions.range(line.getOptionValue("messages"));
      builder.messages(range[0], range[1]);
    }
    try (PmuServer server = builder.build().start()) {
      io.out()
          .println(
              "PMU (TLS) listening on "
                  + Addresses.format(server.address())
                  + " as "
                  + chain.getFirst().getSubjectX500Principal().getName());
      io.out().flush();
      Serving.untilInterrupted(server);
    }
    return 0;
  }

  /** Problems clients will refuse the server for, said once at start rather than per session. */
  private static void warnAbout(X509Certificate certificate, PrivateKey key, Io io) {
    PkiOptions.warnIfWeak(key, io);
    try {
      certificate.checkValidity();
    } catch (CertificateExpiredException e) {
      io.err().println("warning: the certificate expired on " + certificate.getNotAfter());
    } catch (CertificateNotYetValidException e) {
      io.err().println("warning: the certificate is valid only from " + certificate.getNotBefore());
    }
  }
}
