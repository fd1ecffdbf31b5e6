package lab3.apps;

import java.util.List;
import lab3.apps.cli.Command;
import lab3.apps.demo.DemoCommand;
import lab3.apps.part1.Part1Command;
import lab3.apps.part2.Part2Command;
import lab3.apps.part2.ServePmuCommand;
import lab3.apps.part3.Part3Command;
import lab3.apps.part3.Part3StatsCommand;
import lab3.apps.part3.ServeResetCommand;

/** Every {@code ./lab3} command, in the order {@code ./lab3 --help} lists them. */
final class Commands {
  private Commands() {}

  static List<Command> all() {
    return List.of(
        new DemoCommand(),
        new Part1Command(),
        new Part2Command(),
        new ServePmuCommand(),
        new Part3Command(),
        new Part3StatsCommand(),
        new ServeResetCommand());
  }
}
