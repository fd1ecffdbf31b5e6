package lab3.apps.part6;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.pki.CertificateAuthority;
import lab3.pki.CertificateRequest;
import lab3.pki.Pem;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code ./lab3 pki sign}: the CA's job, a server certificate for a CSR. */
final class PkiSignCommand extends CliCommand {

  PkiSignCommand() {
    super("pki sign", "", "issue a server certificate for a CSR (pki's or openssl req's)", 0, 0);
  }

  @Override
  protected void options(Options options) {
    PkiOptions.required(options, "ca", "DIR", "CA directory (pki ca --out)");
    PkiOptions.required(options, "csr", "FILE", "signing request");
    PkiOptions.required(options, "out", "FILE", "certificate file");
    options.addOption(
        Option.builder()
            .longOpt("san")
            .hasArg()
            .argName("NAMES")
            .desc(
                "host names and IP addresses, comma-separated; default: those the CSR requests,"
                    + " else localhost,127.0.0.1,::1")
            .get());
    PkiOptions.daysOption(options, 365);
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    CertificateAuthority ca = CertificateAuthority.load(Path.of(PkiOptions.value(line, "ca")));
    CertificateRequest request =
        Pem.readCertificateRequest(Args.readableFile("--csr", PkiOptions.value(line, "csr")));
    List<String> names = names(line, request);
    int days = PkiOptions.days(line, 365);
    Path file = Path.of(PkiOptions.value(line, "out"));
    X509Certificate certificate =
        ca.issue(request).names(names).validFor(Duration.ofDays(days)).sign();
    Pem.write(file, certificate);
    io.out()
        .println(
            "wrote "
                + file
                + " ("
                + certificate.getSubjectX500Principal().getName()
                + " for "
                + String.join(", ", names)
                + ", "
                + days
                + " days, signed by "
                + ca.certificate().getSubjectX500Principal().getName()
                + ")");
    io.out().flush();
    return 0;
  }

  private static List<String> names(CommandLine line, CertificateRequest request) {
    if (line.hasOption("san")) {
      return Arrays.stream(line.getOptionValue("san").split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
    }
    List<String> requested =
        request.requestedNames().stream()
            .filter(n -> n.startsWith("DNS:") || n.startsWith("IP:"))
            .map(n -> n.substring(n.indexOf(':') + 1))
            .toList();
    return requested.isEmpty() ? CertificateAuthority.DEFAULT_NAMES : requested;
  }
}
