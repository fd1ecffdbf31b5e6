package lab3.apps.part6;

import java.io.PrintStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.pki.CertificateRequest;
import lab3.pki.KeyPairs;
import lab3.pki.Pem;
import org.apache.commons.cli.CommandLine;

/** {@code ./lab3 pki show FILE}: what a certificate, CSR or key file holds, in plain words. */
final class PkiShowCommand extends CliCommand {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  PkiShowCommand() {
    super(
        "pki show",
        "<file>",
        "describe a certificate, CSR or private key file in plain words",
        1,
        1);
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    List<Object> objects = Pem.readAll(Args.readableFile("file", positional.getFirst()));
    PrintStream out = io.out();
    for (Object o : objects) {
      switch (o) {
        case X509Certificate c -> certificate(c, out);
        case CertificateRequest r -> request(r, out);
        case PrivateKey k -> out.println("private key: " + KeyPairs.describe(k) + weak(k));
        default -> out.println(o.getClass().getSimpleName());
      }
    }
    out.flush();
    return 0;
  }

  private static void certificate(X509Certificate c, PrintStream out) throws Exception {
    Instant now = Instant.now();
    String state =
        c.getNotAfter().toInstant().isBefore(now)
            ? "EXPIRED"
            : c.getNotBefore().toInstant().isAfter(now) ? "NOT YET VALID" : "valid now";
    boolean selfSigned = c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    out.println("certificate" + (selfSigned ? " (self-signed)" : ""));
    out.println("  subject:     " + c.getSubjectX500Principal().getName());
    out.println("  issuer:      " + c.getIssuerX500Principal().getName());
    out.println("  serial:      " + c.getSerialNumber().toString(16));
    out.println(
        "  valid:       from "
            + DATE.format(c.getNotBefore().toInstant())
            + " to "
            + DATE.format(c.getNotAfter().toInstant())
            + " ("
            + state
            + ")");
    out.println("  key:         " + KeyPairs.describe(c.getPublicKey()) + weak(c.getPublicKey()));
    out.println("  signature:   " + c.getSigAlgName());
    out.println(
        "  CA:          " + (c.getBasicConstraints() >= 0 ? "yes, may sign certificates" : "no"));
    out.println("  names:       " + names(c));
    out.println("  purposes:    " + purposes(c));
    out.println("  SHA-256:     " + fingerprint(c.getEncoded()));
  }

  private static void request(CertificateRequest r, PrintStream out) {
    out.println("certificate signing request");
    out.println("  subject:     " + r.subject().getName());
    out.println("  key:         " + KeyPairs.describe(r.publicKey()) + weak(r.publicKey()));
    out.println(
        "  signature:   "
            + (r.isSignatureValid() ? "valid (the requester holds the key)" : "INVALID"));
    List<String> names = r.requestedNames();
    out.println(
        "  names:       " + (names.isEmpty() ? "none requested" : String.join(", ", names)));
  }

  private static String weak(java.security.Key key) {
    return KeyPairs.isWeak(key) ? " (weak)" : "";
  }

  private static String names(X509Certificate c) {
    List<String> names = lab3.pki.Certificates.names(c);
    return names.isEmpty()
        ? "none (clients will refuse it for any host name)"
        : String.join(", ", names);
  }

  private static String purposes(X509Certificate c) throws CertificateParsingException {
    List<String> usages = c.getExtendedKeyUsage();
    if (usages == null) {
      return "any";
    }
    return String.join(
        ", ",
        usages.stream()
            .map(
                oid ->
                    switch (oid) {
                      case "1.3.6.1.5.5.7.3.1" -> "TLS server";
                      case "1.3.6.1.5.5.7.3.2" -> "TLS client";
                      default -> oid;
                    })
            .toList());
  }

  private static String fingerprint(byte[] der) throws NoSuchAlgorithmException {
    return HexFormat.ofDelimiter(":")
        .withUpperCase()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
  }
}
