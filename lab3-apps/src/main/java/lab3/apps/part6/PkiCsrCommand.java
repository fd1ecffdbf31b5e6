package lab3.apps.part6;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.pki.CertificateRequest;
import lab3.pki.DistinguishedNames;
import lab3.pki.KeyPairs;
import lab3.pki.Pem;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code ./lab3 pki csr}: a certificate signing request, as {@code openssl req -new} makes one. */
final class PkiCsrCommand extends CliCommand {

  PkiCsrCommand() {
    super("pki csr", "", "make a certificate signing request for a key", 0, 0);
  }

  @Override
  protected void options(Options options) {
    PkiOptions.required(options, "key", "FILE", "private key");
    PkiOptions.required(
        options,
        "subject",
        "NAME",
        "e.g. \"/CN=123456/O=EPFL\" (openssl -subj style) or \"CN=123456,O=EPFL\"");
    PkiOptions.required(options, "out", "FILE", "CSR file");
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    var key = Pem.readPrivateKey(Args.readableFile("--key", PkiOptions.value(line, "key")));
    PkiOptions.warnIfWeak(key, io);
    var subject = DistinguishedNames.parse(PkiOptions.value(line, "subject"));
    Path file = Path.of(PkiOptions.value(line, "out"));
    CertificateRequest request =
        CertificateRequest.create(subject, new KeyPair(KeyPairs.publicKeyOf(key), key));
    Pem.write(file, request);
    io.out().println("wrote " + file + " (request for " + subject.getName() + ")");
    io.out().flush();
    return 0;
  }
}
