package lab3.apps.part6;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.pki.CertificateAuthority;
import lab3.pki.DistinguishedNames;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 pki ca --out DIR}: a new self-signed CA, {@code cacert.pem} and {@code cakey.pem}.
 */
final class PkiCaCommand extends CliCommand {
  static final String DEFAULT_SUBJECT = "/O=Lab3/CN=Lab3 Course CA";

  PkiCaCommand() {
    super("pki ca", "", "make a CA: DIR/cacert.pem (give it to clients) and DIR/cakey.pem", 0, 0);
  }

  @Override
  protected void options(Options options) {
    PkiOptions.required(options, "out", "DIR", "directory");
    options.addOption(
        Option.builder()
            .longOpt("subject")
            .hasArg()
            .desc("the CA's name, default \"" + DEFAULT_SUBJECT + "\"")
            .get());
    PkiOptions.keyOptions(options);
    PkiOptions.daysOption(options, 3650);
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    Path dir = Path.of(PkiOptions.value(line, "out"));
    var subject = DistinguishedNames.parse(line.getOptionValue("subject", DEFAULT_SUBJECT));
    int days = PkiOptions.days(line, 3650);
    CertificateAuthority ca =
        CertificateAuthority.create(subject, PkiOptions.generate(line, io), Duration.ofDays(days));
    ca.save(dir);
    io.out()
        .println(
            "wrote "
                + dir.resolve(CertificateAuthority.CERTIFICATE_FILE)
                + " (CA "
                + subject.getName()
                + ", "
                + days
                + " days)");
    io.out()
        .println(
            "wrote "
                + dir.resolve(CertificateAuthority.KEY_FILE)
                + " (its private key, owner-only)");
    io.out().flush();
    return 0;
  }
}
