package lab3.apps.part2;

import java.util.List;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.Serving;
import lab3.pmu.PmuServer;
import lab3.transport.Addresses;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code ./lab3 serve-pmu}: the PMU emulator in the foreground, one log line per session. */
public final class ServePmuCommand extends CliCommand {

  public ServePmuCommand() {
    super("serve-pmu", "", "run the Part 2 PMU emulator (TCP, dual stack) until Ctrl+C", 0, 0);
  }

  @Override
  protected void options(Options options) {
    PmuServeOptions.add(options, 5003);
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    PmuServeOptions o = PmuServeOptions.parse(line, 5003);
    PmuServer.Builder builder = PmuServer.builder().port(o.port()).log(io.err()::println);
    o.applyTo(builder::bindAddress, builder::messages, builder::floodText, builder::commandTimeout);
    try (PmuServer server = builder.build().start()) {
      io.out().println("PMU (TCP) listening on " + Addresses.format(server.address()));
      io.out().flush();
      Serving.untilInterrupted(server);
    }
    return 0;
  }
}
