package lab3.apps.part3;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.ProfileOption;
import lab3.apps.cli.Serving;
import lab3.apps.cli.UsageException;
import lab3.netlab.EmulatorProfile;
import lab3.netlab.ResetFamily;
import lab3.reset.ResetServer;
import lab3.transport.Addresses;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 serve-reset}: the Part 3 PMU emulator in the foreground, one log line a datagram.
 */
public final class ServeResetCommand extends CliCommand {

  public ServeResetCommand() {
    super("serve-reset", "", "run the Part 3 reset PMU emulator (UDP) until Ctrl+C", 0, 0);
  }

  @Override
  protected void options(Options options) {
    options.addOption(
        Option.builder().longOpt("port").hasArg().desc("default 5004; 0 = any free port").get());
    options.addOption(
        ProfileOption.option(
            "answers exactly RESET:20 with OFFSET:X (a colon; the lab text writes OFFSET=X) and"
                + " anything else with 'Wrong command.', drops with probability 0.5 and serves one"
                + " family at a time, switching every 10 s (FACTS.md, Part 3); --family, --loss"
                + " and --period given as well win"));
    options.addOption(
        Option.builder()
            .longOpt("family")
            .hasArg()
            .argName("v4|v6|both|alternate")
            .desc("which families to answer on (default both; course profile: alternate)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("loss")
            .hasArg()
            .argName("P")
            .desc("drop each request with probability P (default 0; course profile: 0.5)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("period")
            .hasArg()
            .argName("seconds")
            .desc(
                "with --family alternate: switch family every this long (default 30; course"
                    + " profile: 10)")
            .get());
    options.addOption(
        Option.builder().longOpt("loopback").desc("listen on 127.0.0.1 / ::1 only").get());
    options.addOption(
        Option.builder()
            .longOpt("seed")
            .hasArg()
            .desc("seed the losses and offsets, for repeatable runs")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("bogus-acks")
            .desc("fault: also send a wrong ack from another port and one out of range")
            .get());
  }

  @Override
  protected String footer() {
    return """
        Example: ./lab3 serve-reset --family v6 --loss 0.5 --loopback
        On the wildcard address, --family v6 is a dual-stack socket that ignores IPv4 clients
        (Java cannot open an IPv6-only wildcard socket); with --loopback it binds ::1 alone.""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    EmulatorProfile profile = ProfileOption.of(line);
    ResetServer.Builder builder = ResetServer.builder().profile(profile.reset());
    String familyName =
        line.getOptionValue("family", profile == EmulatorProfile.COURSE ? "alternate" : "both");
    family(familyName)
        .applyTo(builder)
        .port(Args.portOption(line, "port", 5004))
        .loopback(line.hasOption("loopback"))
        .bogusAcks(line.hasOption("bogus-acks"))
        .log(io.err()::println);
    double loss = profile.reset().loss();
    if (line.hasOption("loss")) {
      loss = Args.decimal("--loss", line.getOptionValue("loss"));
      if (loss < 0 || loss > 1) {
        throw new UsageException("--loss must be a probability from 0 to 1, got " + loss);
      }
      builder.loss(loss);
    }
    if (line.hasOption("period")) {
      double seconds = Args.decimal("--period", line.getOptionValue("period"));
      if (seconds < 0.001 || seconds > 86_400) {
        throw new UsageException("--period must be between 0.001 and 86400 seconds");
      }
      builder.period(Duration.ofMillis((long) (seconds * 1000)));
    }
    if (line.hasOption("seed")) {
      builder.random(new Random(Args.longInteger("--seed", line.getOptionValue("seed"))));
    }
    try (ResetServer server = builder.build().start()) {
      io.out()
          .printf(
              Locale.ROOT,
              "PMU reset emulator (UDP) listening on %s, family %s, loss %.2f, profile %s%n",
              server.addresses().stream().map(Addresses::format).toList(),
              familyName,
              loss,
              profile.label());
      io.out().flush();
      Serving.untilInterrupted(server);
    }
    return 0;
  }

  static ResetFamily family(String family) throws UsageException {
    return switch (family.toLowerCase(Locale.ROOT)) {
      case "v4", "ipv4", "4" -> ResetFamily.V4;
      case "v6", "ipv6", "6" -> ResetFamily.V6;
      case "both" -> ResetFamily.BOTH;
      case "alternate" -> ResetFamily.ALTERNATE;
      default ->
          throw new UsageException(
              "--family must be v4, v6, both or alternate, got '" + family + "'");
    };
  }
}
