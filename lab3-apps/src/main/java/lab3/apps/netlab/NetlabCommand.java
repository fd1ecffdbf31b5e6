package lab3.apps.netlab;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.CommandGroup;
import lab3.apps.cli.Io;
import lab3.apps.cli.UsageException;
import lab3.netlab.LabNetwork;
import lab3.netlab.Launcher;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 netlab up|down|status|exec}: the lab network ({@link LabNetwork}) from a shell. The
 * network made by {@code up} outlives the command: its namespaces are named {@code lab3-pc}, {@code
 * lab3-labhost} (and {@code lab3-wire}), or with {@code --name N} {@code N-pc} and so on, and what
 * it needs to be removed lives in {@code /run/lab3-netlab}.
 */
public final class NetlabCommand extends CommandGroup {
  static final String PREFIX = "lab3";
  static final Path STATE = Path.of("/run/lab3-netlab");

  public NetlabCommand() {
    super(
        "netlab",
        "the lab's network on this machine: hosts pc and labhost (root, Linux)",
        "sub-command",
        List.of(new Up(), new Down(), new Status(), new Exec(), new Relay()));
  }

  private static Path describeFile(String prefix) {
    return STATE.resolve(prefix + ".describe");
  }

  static final class Up extends CliCommand {
    Up() {
      super("netlab up", "", "make the lab network (replacing one left by an earlier up)", 0, 0);
    }

    @Override
    protected void options(Options options) {
      options.addOption(opt("mtu", "BYTES", "the link's MTU (default 1500)"));
      options.addOption(opt("delay", "MS", "one-way delay, each way"));
      options.addOption(opt("jitter", "MS", "delay varies within delay +- jitter"));
      options.addOption(opt("loss", "P", "probability 0-1 that a frame is dropped, each way"));
      options.addOption(opt("reorder", "P", "probability 0-1 that a frame is overtaken"));
      options.addOption(opt("duplicate", "P", "probability 0-1 that a frame arrives twice"));
      options.addOption(opt("rate", "MBIT", "the link's rate in Mbit/s, each way"));
      options.addOption(opt("seed", "N", "seed of the relay's random decisions"));
      addName(options);
    }

    @Override
    protected String footer() {
      return """
          Example:
            ./lab3 netlab up --delay 5 --loss 0.02
            ./lab3 netlab exec labhost -- ./lab3 serve &
            ./lab3 netlab exec pc -- ./lab3 part2 tcpip.lab 5003 CMD_short:0
            ./lab3 netlab down
          """;
    }

    @Override
    protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
      requireRoot();
      String prefix = networkName(line);
      LabNetwork.Builder builder = LabNetwork.builder().name(prefix);
      if (line.hasOption("mtu")) {
        builder.mtu(Args.integer("--mtu", line.getOptionValue("mtu")));
      }
      if (line.hasOption("delay")) {
        builder.delay(millis("--delay", line.getOptionValue("delay")));
      }
      if (line.hasOption("jitter")) {
        builder.jitter(millis("--jitter", line.getOptionValue("jitter")));
      }
      if (line.hasOption("loss")) {
        builder.loss(number("--loss", line.getOptionValue("loss")));
      }
      if (line.hasOption("reorder")) {
        builder.reorder(number("--reorder", line.getOptionValue("reorder")));
      }
      if (line.hasOption("duplicate")) {
        builder.duplicate(number("--duplicate", line.getOptionValue("duplicate")));
      }
      if (line.hasOption("rate")) {
        builder.rateMbit(number("--rate", line.getOptionValue("rate")));
      }
      if (line.hasOption("seed")) {
        builder.seed((long) number("--seed", line.getOptionValue("seed")));
      }
      LabNetwork.remove(prefix, STATE);
      builder.detached(javaCommand(), STATE);
      LabNetwork lab = builder.start(); // never closed: it outlives this command
      Files.createDirectories(STATE);
      Files.writeString(describeFile(prefix), lab.describe() + "\n");
      io.out().println(lab.describe());
      io.out().flush();
      return 0;
    }
  }

  static final class Down extends CliCommand {
    Down() {
      super("netlab down", "", "remove the lab network: namespaces, links, relay, files", 0, 0);
    }

    @Override
    protected void options(Options options) {
      addName(options);
    }

    @Override
    protected int execute(CommandLine line, List<String> positional, Io io) throws IOException {
      requireRoot();
      String prefix = networkName(line);
      LabNetwork.remove(prefix, STATE);
      Files.deleteIfExists(describeFile(prefix));
      try {
        Files.deleteIfExists(STATE);
      } catch (IOException notEmpty) {
        // something else lives there: left alone
      }
      return 0;
    }
  }

  static final class Status extends CliCommand {
    Status() {
      super("netlab status", "", "the hosts, addresses, MTU, impairments and what runs", 0, 0);
    }

    @Override
    protected void options(Options options) {
      addName(options);
    }

    @Override
    protected int execute(CommandLine line, List<String> positional, Io io) throws IOException {
      String prefix = networkName(line);
      if (!Files.exists(Path.of("/var/run/netns", prefix + "-pc"))
          || !Files.exists(describeFile(prefix))) {
        io.out().println("down");
        io.out().flush();
        return 0;
      }
      io.out().print(Files.readString(describeFile(prefix)));
      Path pid = STATE.resolve(prefix + ".relay.pid");
      if (Files.exists(pid)) {
        String text = Files.readString(pid).strip();
        boolean alive =
            ProcessHandle.of(Long.parseLong(text)).map(ProcessHandle::isAlive).orElse(false);
        io.out().println("relay: pid " + text + (alive ? " (running)" : " (NOT running)"));
      }
      io.out().flush();
      return 0;
    }
  }

  static final class Exec extends CliCommand {
    Exec() {
      super(
          "netlab exec",
          "pc|labhost -- <command> [args...]",
          "run a command on a host of the lab network (stdin, stdout, exit status passed on)",
          2,
          Integer.MAX_VALUE);
    }

    @Override
    protected void options(Options options) {
      addName(options);
    }

    @Override
    protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
      String host = positional.getFirst();
      if (!host.equals("pc") && !host.equals("labhost")) {
        throw new UsageException("unknown host '" + host + "': expected pc or labhost");
      }
      requireRoot();
      String namespace = networkName(line) + "-" + host;
      if (!Files.exists(Path.of("/var/run/netns", namespace))) {
        throw new IOException("no lab network: run ./lab3 netlab up first");
      }
      List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
      argv.addAll(positional.subList(1, positional.size()));
      io.out().flush();
      Process process = new ProcessBuilder(argv).inheritIO().start();
      return process.waitFor();
    }
  }

  /** The wire's relay process that {@code up} starts; not for people. */
  static final class Relay extends CliCommand {
    Relay() {
      super("netlab relay", "", "(started by up) the wire's frame relay, until killed", 0, 0);
    }

    @Override
    protected void options(Options options) {
      for (String name : List.of("delay-us", "jitter-us", "loss", "reorder", "duplicate", "seed")) {
        options.addOption(opt(name, "N", name));
      }
    }

    @Override
    protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
      LabNetwork.Builder builder =
          LabNetwork.builder()
              .delay(
                  Duration.ofNanos(
                      1000 * (long) number("--delay-us", line.getOptionValue("delay-us", "0"))))
              .jitter(
                  Duration.ofNanos(
                      1000 * (long) number("--jitter-us", line.getOptionValue("jitter-us", "0"))))
              .loss(number("--loss", line.getOptionValue("loss", "0")))
              .reorder(number("--reorder", line.getOptionValue("reorder", "0")))
              .duplicate(number("--duplicate", line.getOptionValue("duplicate", "0")))
              .seed((long) number("--seed", line.getOptionValue("seed", "0")));
      builder.runRelay(() -> io.err().println(LabNetwork.RELAY_READY));
      return 0;
    }
  }

  private static void addName(Options options) {
    options.addOption(
        opt(
            "name",
            "PREFIX",
            "the network's name, the prefix of its namespaces (default "
                + PREFIX
                + "); several networks of different names can be up at once"));
  }

  /** The {@code --name} given, checked as {@link LabNetwork.Builder#name} checks it. */
  private static String networkName(CommandLine line) {
    String prefix = line.getOptionValue("name", PREFIX);
    LabNetwork.builder().name(prefix);
    return prefix;
  }

  /** Only root may remove or enter the namespaces: anyone else gets one line saying so. */
  private static void requireRoot() throws IOException {
    if (!LabNetwork.isRoot()) {
      throw new IOException(LabNetwork.NEEDS_ROOT);
    }
  }

  private static Option opt(String name, String arg, String description) {
    return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).get();
  }

  private static Duration millis(String option, String text) {
    return Duration.ofNanos(Math.round(number(option, text) * 1_000_000));
  }

  private static double number(String option, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": not a number: " + text);
    }
  }

  /** This JVM's java, native access, class path and main class: how up starts the relay. */
  private static List<String> javaCommand() {
    List<String> command = new ArrayList<>();
    command.add(Launcher.java());
    command.add("--enable-native-access=ALL-UNNAMED");
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("-Xmx")) {
        command.add(option);
      }
    }
    command.addAll(Launcher.classPathAndMain());
    return command;
  }
}
