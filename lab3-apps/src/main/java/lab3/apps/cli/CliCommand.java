package lab3.apps.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * A command whose arguments Apache Commons CLI parses. Subclasses declare their options and their
 * positional arguments; this class adds {@code -h/--help} and {@code -v/--verbose}, checks the
 * number of positional arguments, and turns parse errors into {@link UsageException}s.
 */
public abstract class CliCommand implements Command {
  private final String name;
  private final String arguments;
  private final String summary;
  private final int minArgs;
  private final int maxArgs;

  /**
   * @param arguments the positional part of the usage line, e.g. {@code "<server> <port>"}
   */
  protected CliCommand(String name, String arguments, String summary, int minArgs, int maxArgs) {
    this.name = name;
    this.arguments = arguments;
    this.summary = summary;
    this.minArgs = minArgs;
    this.maxArgs = maxArgs;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String summary() {
    return summary;
  }

  /** Adds the command's own options. */
  protected void options(Options options) {}

  /** Text after the options in {@code --help}: defaults, examples. */
  protected String footer() {
    return "";
  }

  /** Runs with parsed arguments; {@code positional} has between minArgs and maxArgs entries. */
  protected abstract int execute(CommandLine line, List<String> positional, Io io) throws Exception;

  @Override
  public final int run(String[] args, Io io) throws Exception {
    try {
      return parseAndExecute(args, io);
    } catch (UsageException e) {
      throw e.usage() == null ? new UsageException(e.getMessage(), usage()) : e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), usage());
    }
  }

  private int parseAndExecute(String[] args, Io io) throws Exception {
    Options options = allOptions();
    CommandLine line;
    try {
      line = new DefaultParser().parse(options, args, false);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    if (line.hasOption("help")) {
      io.out().print(help());
      io.out().flush();
      return 0;
    }
    List<String> positional = line.getArgList();
    if (positional.size() < minArgs) {
      throw new UsageException("missing arguments: expected " + arguments);
    }
    if (positional.size() > maxArgs) {
      throw new UsageException(
          "unexpected argument '" + positional.get(maxArgs) + "': expected " + arguments);
    }
    return execute(line, positional, io);
  }

  /** The one-line usage, e.g. {@code usage: lab3 part3 <server> <port> [options]}. */
  public String usage() {
    return "usage: lab3 " + name + (arguments.isEmpty() ? "" : " " + arguments) + " [options]";
  }

  /**
   * The full {@code --help} text. Commons CLI 1.11 deprecates this {@code HelpFormatter} for the
   * new {@code org.apache.commons.cli.help} package, which lays the text out differently; the
   * classic layout is kept on purpose.
   */
  @SuppressWarnings("deprecation")
  public String help() {
    StringWriter text = new StringWriter();
    PrintWriter writer = new PrintWriter(text);
    HelpFormatter formatter = new HelpFormatter();
    formatter.setWidth(100);
    formatter.setSyntaxPrefix("usage: ");
    formatter.printHelp(
        writer,
        100,
        "lab3 " + name + (arguments.isEmpty() ? "" : " " + arguments) + " [options]",
        summary + "\n\n",
        allOptions(),
        2,
        4,
        footer().isEmpty() ? "" : "\n" + footer(),
        false);
    writer.flush();
    return text.toString();
  }

  private Options allOptions() {
    Options options = new Options();
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
    options.addOption(Option.builder("v").longOpt("verbose").desc("diagnostics on stderr").get());
    options(options);
    return options;
  }
}
