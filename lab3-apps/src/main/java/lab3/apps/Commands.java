package lab3.apps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lab3.apps.cli.Command;
import lab3.apps.demo.DemoCommand;
import lab3.apps.engines.GraderPackageCommand;
import lab3.apps.grade.GradeCommand;
import lab3.apps.gradeclass.GradeClassCommand;
import lab3.apps.netlab.NetlabCommand;
import lab3.apps.part1.Part1Command;
import lab3.apps.part2.Part2Command;
import lab3.apps.part2.ServePmuCommand;
import lab3.apps.part3.Part3Command;
import lab3.apps.part3.Part3StatsCommand;
import lab3.apps.part3.ServeResetCommand;
import lab3.apps.part4.Part4ReceiverCommand;
import lab3.apps.part4.Part4SenderCommand;
import lab3.apps.part4.ServeTvCommand;
import lab3.apps.part5.Part5Command;
import lab3.apps.part5.ServeWsCommand;
import lab3.apps.part6.Part6PdcCommand;
import lab3.apps.part6.Part6PmuCommand;
import lab3.apps.part6.PkiCommand;
import lab3.apps.report.ReportCommand;
import lab3.apps.serve.ServeCommand;
import lab3.apps.submit.SubmitCommand;

/**
 * Every {@code ./lab3} command, in the order {@code ./lab3 --help} lists them. A command is made
 * only when it is needed: {@link #named} makes the one a command line asks for and no other (a
 * command's constructor may load classes of its own, e.g. a date formatter: part3 does not pay for
 * pki's), and {@link #all} makes them all, for the overview.
 */
final class Commands {
  private Commands() {}

  /** The list of commands, with the class path the launcher runs each from (see the file). */
  static final String LIST = "commands.txt";

  /**
   * The names, in the overview's order, from {@link #LIST}, which the launcher reads too; {@link
   * #named} makes each (a test checks both agree). Read only for the overview: a command started by
   * name does not pay for it.
   */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    try (InputStream in = Commands.class.getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IllegalStateException(LIST + " is missing from the class path");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          names.add(entry.split("\\s+")[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  static List<Command> all() {
    List<Command> commands = new ArrayList<>();
    for (String name : names()) {
      commands.add(named(name));
    }
    return commands;
  }

  /** The command called {@code name}, made now, or null if there is none. */
  static Command named(String name) {
    return switch (name) {
      case "demo" -> new DemoCommand(Main::run);
      case "part1" -> new Part1Command();
      case "part2" -> new Part2Command();
      case "serve-pmu" -> new ServePmuCommand();
      case "part3" -> new Part3Command();
      case "part3-stats" -> new Part3StatsCommand();
      case "serve-reset" -> new ServeResetCommand();
      case "part4-receiver" -> new Part4ReceiverCommand();
      case "part4-sender" -> new Part4SenderCommand();
      case "serve-tv" -> new ServeTvCommand();
      case "part5" -> new Part5Command();
      case "serve-ws" -> new ServeWsCommand();
      case "part6-pmu" -> new Part6PmuCommand();
      case "part6-pdc" -> new Part6PdcCommand();
      case "pki" -> new PkiCommand();
      case "serve" -> new ServeCommand();
      case "submit" -> new SubmitCommand();
      case "grade" -> new GradeCommand();
      case "netlab" -> new NetlabCommand();
      case "grader-package" -> new GraderPackageCommand();
      case "grade-class" -> new GradeClassCommand();
      case "report" -> new ReportCommand();
      default -> null;
    };
  }
}
