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
    options.addOption(
        org.apache.commons.cli.Option.builder()
            .longOpt("profile")
            .hasArg()
            .argName("NAME")
            .desc(
                "lab-text (default): messages from 1, the built-in floodme; course: as the course's"
                    + " server behaved (FACTS.md): messages from 0, about 57 KB of ASCII floodme")
            .get());
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    PmuServeOptions o = PmuServeOptions.parse(line, 5003);
    PmuServer.Builder builder = PmuServer.builder().port(o.port()).log(io.err()::println);
    String profile = line.getOptionValue("profile", "lab-text");
    if (profile.equals("course")) {
      builder.firstMessage(lab3.apps.serve.CourseProfile.FIRST_MESSAGE);
      builder.floodText(lab3.apps.serve.CourseProfile.floodText());
    } else if (!profile.equals("lab-text")) {
      throw new IllegalArgumentException("--profile is course or lab-text, not '" + profile + "'");
    }
    o.applyTo(builder::bindAddress, builder::messages, builder::floodText, builder::commandTimeout);
    try (PmuServer server = builder.build().start()) {
      io.out().println("PMU (TCP) listening on " + Addresses.format(server.address()));
      io.out().flush();
      Serving.untilInterrupted(server);
    }
    return 0;
  }
}
