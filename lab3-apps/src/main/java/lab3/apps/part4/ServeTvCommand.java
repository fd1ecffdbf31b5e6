package lab3.apps.part4;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.Printable;
import lab3.apps.cli.ProfileOption;
import lab3.apps.cli.Serving;
import lab3.apps.cli.UsageException;
import lab3.multicast.MulticastChannel;
import lab3.multicast.TvProgram;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code ./lab3 serve-tv}: the Part 4 TV program in the foreground, one log line per answer. */
public final class ServeTvCommand extends CliCommand {

  public ServeTvCommand() {
    super(
        "serve-tv",
        "",
        "run the Part 4 TV program emulator (multicast broadcaster, answers, recorder) until Ctrl+C",
        0,
        0);
  }

  @Override
  protected void options(Options options) {
    options.addOption(
        Option.builder().longOpt("group").hasArg().argName("G").desc("default 224.1.1.1").get());
    options.addOption(
        Option.builder().longOpt("port").hasArg().argName("P").desc("default 5005").get());
    options.addOption(
        ProfileOption.option(
            "nothing changes: the course's TV datagrams were swcmTV followed by the line, as this"
                + " emulator sends in both profiles (FACTS.md, Part 4). The course's broadcaster"
                + " used TTL 10; this one keeps --ttl (1 by default: nothing leaves this machine's"
                + " network)"));
    MulticastOptions.addInterface(options);
    MulticastOptions.addTtl(options);
    options.addOption(
        Option.builder()
            .longOpt("interval")
            .hasArg()
            .argName("S")
            .desc("seconds between two lines, e.g. 0.1 (default 1)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("script")
            .hasArg()
            .argName("FILE")
            .desc("broadcast this UTF-8 file's lines (default: the opening of Romeo and Juliet)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("record")
            .hasArg()
            .argName("FILE")
            .desc("append every message seen to FILE: time, source, id, text, tab-separated")
            .get());
  }

  @Override
  protected String footer() {
    return "Sends under the ID "
        + TvProgram.ID
        + "; answers a subscriber's text longer than "
        + TvProgram.ANSWER_THRESHOLD
        + " characters.\n"
        + MulticastOptions.SAFE_DEFAULT;
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    ProfileOption.of(line); // validated; both profiles broadcast alike
    TvProgram.Builder builder =
        TvProgram.builder()
            .port(Args.portOption(line, "port", MulticastChannel.DEFAULT_PORT))
            .networkInterface(MulticastOptions.networkInterface(line))
            .ttl(MulticastOptions.ttl(line))
            .log(entry -> io.err().println(Printable.line(entry)));
    if (line.hasOption("group")) {
      builder.group(line.getOptionValue("group"));
    }
    if (line.hasOption("interval")) {
      double seconds = Args.decimal("--interval", line.getOptionValue("interval"));
      if (seconds < 0.001) {
        throw new UsageException("--interval must be at least 0.001 seconds, got " + seconds);
      }
      builder.interval(Duration.ofNanos((long) (seconds * 1e9)));
    }
    if (line.hasOption("script")) {
      builder.script(
          TvProgram.scriptFrom(Args.readableFile("--script", line.getOptionValue("script"))));
    }
    if (line.hasOption("record")) {
      builder.record(Path.of(line.getOptionValue("record")));
    }
    try (TvProgram tv = builder.build().start()) {
      io.out().println(tv + ": broadcasting as " + TvProgram.ID + ", Ctrl+C stops");
      io.out().flush();
      Serving.untilInterrupted(tv);
    }
    return 0;
  }
}
