package lab3.apps.part6;

import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.part2.ConnectOptions;
import lab3.apps.part2.Part2Command;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.tls.TlsSessionInfo;
import lab3.tls.TlsTransport;
import lab3.transport.Endpoint;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 part6-pdc <command> <ca-cert.pem>}: the PDC of Part 2 over TLS, trusting one CA.
 * stdout as in Part 2; {@code -v} adds the negotiated protocol, cipher suite and the server's
 * certificate subject on stderr.
 */
public final class Part6PdcCommand extends CliCommand {

  public Part6PdcCommand() {
    super(
        "part6-pdc",
        "<command> <ca-cert.pem>",
        "Part 6: send CMD_short:d or CMD_floodme to a TLS PMU that the given CA certified",
        2,
        2);
  }

  @Override
  protected void options(Options options) {
    options.addOption(
        Option.builder()
            .longOpt("server")
            .hasArg()
            .desc("host name the certificate must hold (default localhost)")
            .get());
    options.addOption(Option.builder().longOpt("port").hasArg().desc("default 5003").get());
    options.addOption(Part2Command.timeoutOption());
    ConnectOptions.add(options);
  }

  @Override
  protected String footer() {
    return """
        Example: ./lab3 part6-pdc -v CMD_short:0 ca/cacert.pem --server localhost --port 5003
        The server's certificate must be signed by the CA and name the --server host; --resolve
        gives that name addresses by hand (e.g. --resolve pmu.lab=::1,127.0.0.1).""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    PmuCommand command = PmuCommand.parse(positional.get(0));
    var caFile = Args.readableFile("CA certificate", positional.get(1));
    int port =
        line.hasOption("port") ? Args.port("--port", line.getOptionValue("port"), false) : 5003;
    Endpoint endpoint = new Endpoint(line.getOptionValue("server", "localhost"), port);
    boolean verbose = line.hasOption("verbose");
    TlsTransport tls =
        TlsTransport.builder()
            .trust(caFile)
            .tcp(ConnectOptions.tcp(line, io, verbose))
            .onHandshake(
                info -> {
                  if (verbose) {
                    io.err().println(describe(info));
                  }
                })
            .build();
    PmuClient client =
        PmuClient.builder().transport(tls).readTimeout(Part2Command.timeout(line)).build();
    return Part2Command.sendAndPrint(client, endpoint, command, io, verbose);
  }

  /** The -v line of the handshake. */
  static String describe(TlsSessionInfo info) {
    return "TLS: "
        + info.protocol()
        + ", "
        + info.cipherSuite()
        + ", server certificate "
        + info.peerSubject();
  }
}
