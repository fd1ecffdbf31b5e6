package lab3.apps.part6;

import java.util.List;
import lab3.apps.cli.CommandGroup;

/**
 * {@code ./lab3 pki <sub-command>}: the course's certificate authority on this machine, in place of
 * e-mailing a CSR and waiting for the certificate. Every file it writes is openssl's PEM, and it
 * reads what openssl writes.
 */
public final class PkiCommand extends CommandGroup {

  public PkiCommand() {
    super(
        "pki",
        "Part 6 keys and certificates: ca, key, csr, sign, show (openssl-compatible PEM files)",
        "sub-command",
        List.of(
            new PkiCaCommand(),
            new PkiKeyCommand(),
            new PkiCsrCommand(),
            new PkiSignCommand(),
            new PkiShowCommand()));
  }
}
