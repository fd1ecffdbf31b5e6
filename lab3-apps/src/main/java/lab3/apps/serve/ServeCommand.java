package lab3.apps.serve;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.Printable;
import lab3.apps.cli.ProfileOption;
import lab3.apps.cli.Serving;
import lab3.apps.cli.UsageException;
import lab3.apps.part2.PmuServeOptions;
import lab3.multicast.MulticastChannel;
import lab3.netlab.CourseProfile;
import lab3.netlab.EmulatorProfile;
import lab3.netlab.LabEnvironment;
import lab3.netlab.LabHost;
import lab3.netlab.ResetFamily;
import lab3.reset.ResetProfile;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 serve}: the whole lab host. Every setting is a flag or a line of a properties file
 * ({@code --config}); a flag wins over the file, the file over the default.
 */
public final class ServeCommand extends CliCommand {

  /** Long option, argument name, default, description. */
  private record Setting(String name, String arg, String fallback, String description) {}

  private static final List<Setting> SETTINGS =
      List.of(
          new Setting(
              "profile",
              "lab-text|course",
              "lab-text",
              "lab-text: the servers as the lab text describes them; course: as the course's"
                  + " servers behaved (FACTS.md of the course's material): the PMU numbers its"
                  + " messages from 0, sends n of 2 to 17 and a floodme of about 57 KB of plain"
                  + " ASCII (Part 2; the WebSocket PMU sends that floodme too); the reset PMU"
                  + " answers exactly RESET:20 with OFFSET:X and anything else with 'Wrong"
                  + " command.', drops with probability 0.5 and alternates families every 10 s"
                  + " (Part 3). Settings given as well win. The TV program and the TLS PMU are"
                  + " the same in both"),
          new Setting("pmu-port", "PORT", "5003", "PMU over TCP, dual stack (Part 2)"),
          new Setting("messages", "N|MIN-MAX", "20", "messages per CMD_short session"),
          new Setting("reset-port", "PORT", "5004", "reset PMU over UDP (Part 3)"),
          new Setting(
              "reset-family",
              "v4|v6|both|alternate",
              "alternate",
              "families the reset PMU answers on"),
          new Setting("reset-loss", "P", "0.3", "probability that the reset PMU drops a request"),
          new Setting(
              "reset-period", "SECONDS", "3600", "with alternate: switch family this often"),
          new Setting(
              "tv-group", "GROUP", "224.1.1.1", "the TV program's multicast group (Part 4)"),
          new Setting("tv-port", "PORT", "5005", "the TV program's port"),
          new Setting(
              "interface", "IF", "lo", "multicast interface; lo keeps everything on this machine"),
          new Setting("tv-interval", "SECONDS", "1", "time between two lines of the play"),
          new Setting("ws-port", "PORT", "5006", "WebSocket PMU (Part 5)"),
          new Setting("tls-port", "PORT", "5007", "TLS PMU (Part 6)"),
          new Setting(
              "tls-dir",
              "DIR",
              "~/.lab3/tls",
              "where the TLS CA and certificate are made on first start"),
          new Setting("tls-cert", "FILE", null, "serve this certificate (PEM) instead"),
          new Setting("tls-key", "FILE", null, "with --tls-cert: its private key (PEM)"));

  public ServeCommand() {
    super("serve", "", "run the lab's whole server host (Parts 2 to 6) until Ctrl+C", 0, 0);
  }

  @Override
  protected void options(Options options) {
    options.addOption(
        Option.builder()
            .longOpt("config")
            .hasArg()
            .argName("FILE")
            .desc("settings as name=value lines (names as the options)")
            .get());
    for (Setting s : SETTINGS) {
      options.addOption(
          Option.builder()
              .longOpt(s.name())
              .hasArg()
              .argName(s.arg())
              .desc(
                  s.description() + (s.fallback() == null ? "" : " (default " + s.fallback() + ")"))
              .get());
    }
  }

  @Override
  protected String footer() {
    return """
        Prints one line per service, then one log line per session on stderr. Ctrl+C stops them all.
        Example config file:  pmu-port=15003
                              reset-loss=0.5""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    Settings settings = config(line);
    // This machine's own stack: the emulators listen where the config says, in this process.
    try (LabEnvironment here = LabEnvironment.loopback();
        LabHost host =
            here.startLabHost(
                settings.config(),
                settings.profile(),
                entry -> io.err().println(Printable.line(entry)))) {
      host.describe().forEach(io.out()::println);
      io.out().flush();
      Serving.untilInterrupted(host);
    }
    return 0;
  }

  /** What {@code serve} starts: the services' settings and the profile they follow. */
  record Settings(LabHost.Config config, EmulatorProfile profile) {}

  /** The settings of a command line (and its config file). */
  static Settings config(CommandLine line) throws UsageException, IOException {
    Properties file = new Properties();
    if (line.hasOption("config")) {
      Path path = Args.readableFile("--config", line.getOptionValue("config"));
      try (Reader reader = Files.newBufferedReader(path)) {
        file.load(reader);
      }
      for (String key : file.stringPropertyNames()) {
        if (SETTINGS.stream().noneMatch(s -> s.name().equals(key))) {
          throw new UsageException(path + ": unknown setting '" + key + "'");
        }
      }
    }
    EmulatorProfile profile =
        ProfileOption.named(
            line.getOptionValue("profile", file.getProperty("profile", "lab-text")));
    Values v = name -> line.getOptionValue(name, file.getProperty(name, fallback(name, profile)));
    int[] messages = PmuServeOptions.range(v.get("messages"));
    double loss = Args.decimal("reset-loss", v.get("reset-loss"));
    if (loss < 0 || loss >= 1) {
      throw new UsageException("reset-loss must be at least 0 and below 1, got " + loss);
    }
    Path cert = path(v.get("tls-cert"));
    Path key = path(v.get("tls-key"));
    if ((cert == null) != (key == null)) {
      throw new UsageException("give tls-cert and tls-key together");
    }
    LabHost.Config config =
        new LabHost.Config(
            Args.port("pmu-port", v.get("pmu-port"), true),
            messages[0],
            messages[1],
            Args.port("reset-port", v.get("reset-port"), true),
            resetFamily(v.get("reset-family")),
            loss,
            seconds("reset-period", v.get("reset-period")),
            group(v.get("tv-group")),
            Args.port("tv-port", v.get("tv-port"), true),
            MulticastChannel.interfaceNamed(v.get("interface")),
            seconds("tv-interval", v.get("tv-interval")),
            Args.port("ws-port", v.get("ws-port"), true),
            Args.port("tls-port", v.get("tls-port"), true),
            path(v.get("tls-dir")),
            cert,
            key);
    return new Settings(config, profile);
  }

  @FunctionalInterface
  private interface Values {
    String get(String name);
  }

  /** The course profile's own defaults (FACTS.md, Parts 2 and 3); the lab text's otherwise. */
  private static String fallback(String name, EmulatorProfile profile) {
    if (profile == EmulatorProfile.COURSE) {
      switch (name) {
        case "messages" -> {
          return CourseProfile.MIN_MESSAGES + "-" + CourseProfile.MAX_MESSAGES;
        }
        case "reset-loss" -> {
          return "" + ResetProfile.COURSE.loss();
        }
        case "reset-period" -> {
          return "" + ResetProfile.COURSE.period().toSeconds();
        }
        case "reset-family" -> {
          return "alternate";
        }
        default -> {}
      }
    }
    return SETTINGS.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow()
        .fallback();
  }

  private static Path path(String value) {
    if (value == null) {
      return null;
    }
    return Path.of(
        value.startsWith("~/") ? System.getProperty("user.home") + value.substring(1) : value);
  }

  private static Duration seconds(String what, String value) throws UsageException {
    double s = Args.decimal(what, value);
    if (s <= 0) {
      throw new UsageException(what + " must be positive, got " + value);
    }
    return Duration.ofMillis(Math.max(1, (long) (s * 1000)));
  }

  private static ResetFamily resetFamily(String value) throws UsageException {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "v4" -> ResetFamily.V4;
      case "v6" -> ResetFamily.V6;
      case "both" -> ResetFamily.BOTH;
      case "alternate" -> ResetFamily.ALTERNATE;
      default ->
          throw new UsageException("reset-family must be v4, v6, both or alternate, got " + value);
    };
  }

  private static InetAddress group(String value) throws UsageException {
    try {
      InetAddress group = InetAddress.getByName(value);
      if (!group.isMulticastAddress()) {
        throw new UsageException("tv-group: " + value + " is not a multicast address");
      }
      return group;
    } catch (IOException e) {
      throw new UsageException("tv-group: not an address: " + value);
    }
  }
}
