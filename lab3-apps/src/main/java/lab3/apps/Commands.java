package lab3.apps;

import java.util.List;
import lab3.apps.cli.Command;
import lab3.apps.demo.DemoCommand;
import lab3.apps.part1.Part1Command;
import lab3.apps.part2.Part2Command;
import lab3.apps.part2.ServePmuCommand;
import lab3.apps.part6.Part6PdcCommand;
import lab3.apps.part6.Part6PmuCommand;
import lab3.apps.part6.PkiCommand;

/** Every {@code ./lab3} command, in the order {@code ./lab3 --help} lists them. */
final class Commands {
  private Commands() {}

  static List<Command> all() {
    return List.of(
        new DemoCommand(),
        new Part1Command(),
        new Part2Command(),
        new ServePmuCommand(),
        new Part6PmuCommand(),
        new Part6PdcCommand(),
        new PkiCommand());
  }
}
