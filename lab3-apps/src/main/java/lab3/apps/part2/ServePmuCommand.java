package lab3.apps.part2;

import java.util.List;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.ProfileOption;
import lab3.apps.cli.Serving;
import lab3.netlab.CourseProfile;
import lab3.netlab.EmulatorProfile;
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
        ProfileOption.option(
            "messages numbered from 0 (the lab text: from 1), n from 2 to 17 unless --messages"
                + " says, and a floodme of about 57 KB of plain ASCII (FACTS.md, Part 2)"));
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    PmuServeOptions o = PmuServeOptions.parse(line, 5003);
    PmuServer.Builder builder = PmuServer.builder().port(o.port()).log(io.err()::println);
    EmulatorProfile profile = ProfileOption.of(line);
    if (profile == EmulatorProfile.COURSE) {
      builder.firstMessage(profile.firstMessage());
      builder.floodText(profile.floodText());
      builder.messages(CourseProfile.MIN_MESSAGES, CourseProfile.MAX_MESSAGES);
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
