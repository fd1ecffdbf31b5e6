package lab3.apps.part6;

import java.nio.file.Path;
import java.util.List;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.pki.KeyPairs;
import lab3.pki.Pem;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code ./lab3 pki key --out FILE}: a private key, as {@code openssl genrsa} makes one. */
final class PkiKeyCommand extends CliCommand {

  PkiKeyCommand() {
    super("pki key", "", "make a private key (PKCS#8 PEM, owner-only): RSA 2048 by default", 0, 0);
  }

  @Override
  protected void options(Options options) {
    PkiOptions.required(options, "out", "FILE", "key file");
    PkiOptions.keyOptions(options);
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    Path file = Path.of(PkiOptions.value(line, "out"));
    var keys = PkiOptions.generate(line, io);
    Pem.write(file, keys.getPrivate());
    io.out()
        .println("wrote " + file + " (" + KeyPairs.describe(keys.getPrivate()) + ", owner-only)");
    io.out().flush();
    return 0;
  }
}
