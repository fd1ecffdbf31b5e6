package lab3.report;

import java.io.PrintStream;

/**
 * Part 6: the report's Part 6 experiment: the PKI round (CA, server key, CSR, certificate, all PEM
 * files), then the TLS PMU with that certificate and the TLS PDC trusting the CA.
 */
final class Part6Demo implements DemoPart {

  @Override
  public String title() {
    return "Part 6: PKI (CA, key, CSR, certificate), PMU and PDC over TLS";
  }

  @Override
  public void run(PrintStream out, ReportContext ctx) throws Exception {
    Part6Experiment.Result r = Part6Experiment.run(ctx);
    if (r.why() != null) {
      throw new IllegalStateException(r.why());
    }
    StreamRun s = r.session();
    out.println(
        "   pki: ca/cacert.pem, ca/cakey.pem, server_key.pem (RSA 2048), server.csr,"
            + " server_cert.pem, in a temporary directory");
    out.println("   TLS PMU at " + s.server() + "; PDC trusting ca/cacert.pem");
    out.printf(
        "   handshake: %s, %s, %d certificates, the server's first: %s%n",
        r.protocol(), r.cipherSuite(), r.chain().size(), r.chain().getFirst());
    if (s.messages() == 0) {
      throw new IllegalStateException("no message came over TLS");
    }
    out.printf(
        "   CMD_short:0  -> %d messages in %d read() calls, %d ms, %s%n",
        s.messages(), s.calls(), s.millis(), s.packetsText());
  }
}
