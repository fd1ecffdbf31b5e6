package lab3.apps.part5;

import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.ProfileOption;
import lab3.apps.cli.Serving;
import lab3.apps.part2.PmuServeOptions;
import lab3.netlab.CourseProfile;
import lab3.netlab.EmulatorProfile;
import lab3.transport.Addresses;
import lab3.ws.WsPmuServer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 serve-ws}: the WebSocket PMU emulator in the foreground, one log line per session.
 */
public final class ServeWsCommand extends CliCommand {

  public ServeWsCommand() {
    super("serve-ws", "", "run the Part 5 WebSocket PMU emulator (Jetty 12) until Ctrl+C", 0, 0);
  }

  @Override
  protected void options(Options options) {
    PmuServeOptions.add(options, 5006);
    options.addOption(
        ProfileOption.option(
            "the floodme of the course's PMU, about 57 KB of plain ASCII (FACTS.md, Part 2: the lab"
                + " text's Part 5 repeats Part 2's experiments over WebSocket), and n from 2 to 17"
                + " unless --messages says. FACTS.md says nothing of the course's WebSocket server"
                + " itself; messages stay numbered from 1"));
    options.addOption(
        Option.builder()
            .longOpt("text-frames")
            .desc("send text frames instead of binary ones (the lab's server sends binary)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("frame-bytes")
            .hasArg()
            .argName("N")
            .desc(
                "cut every message longer than N bytes into frames of N bytes (default: one frame up"
                    + " to Jetty's own limit of 65,536 bytes, so a longer message, e.g. a 1 MiB"
                    + " floodme, goes out as frames of 65,536 bytes)")
            .get());
  }

  @Override
  protected String footer() {
    return """
        Example:
          ./lab3 serve-ws --port 5006 &
          ./lab3 part5 ::1 5006 CMD_short:0
        A bad command gets close code 1008 (policy violation) with the reason; a plain HTTP
        request gets 426 Upgrade Required.""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    PmuServeOptions o = PmuServeOptions.parse(line, 5006);
    WsPmuServer.Builder builder =
        WsPmuServer.builder()
            .port(o.port())
            .textFrames(line.hasOption("text-frames"))
            .log(io.err()::println);
    if (ProfileOption.of(line) == EmulatorProfile.COURSE) {
      builder.floodText(EmulatorProfile.COURSE.floodText());
      builder.messages(CourseProfile.MIN_MESSAGES, CourseProfile.MAX_MESSAGES);
    }
    o.applyTo(builder::bindAddress, builder::messages, builder::floodText, builder::commandTimeout);
    if (line.hasOption("frame-bytes")) {
      builder.frameBytes(Args.integer("--frame-bytes", line.getOptionValue("frame-bytes")));
    }
    try (WsPmuServer server = builder.build().start()) {
      io.out()
          .println("PMU (WebSocket) listening on ws://" + Addresses.format(server.address()) + "/");
      io.out().flush();
      Serving.untilInterrupted(server);
    }
    return 0;
  }
}
