package lab3.apps;

import java.util.ArrayList;
import java.util.List;
import lab3.apps.cli.Command;
import lab3.apps.demo.DemoCommand;
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

/** Every {@code ./lab3} command, in the order {@code ./lab3 --help} lists them. */
final class Commands {
  private Commands() {}

  static List<Command> all() {
    List<Command> commands = new ArrayList<>();
    commands.add(new DemoCommand());
    commands.add(new Part1Command());
    commands.add(new Part2Command());
    commands.add(new ServePmuCommand());
    commands.add(new Part3Command());
    commands.add(new Part3StatsCommand());
    commands.add(new ServeResetCommand());
    commands.add(new Part4ReceiverCommand());
    commands.add(new Part4SenderCommand());
    commands.add(new ServeTvCommand());
    commands.add(new Part5Command());
    commands.add(new ServeWsCommand());
    commands.add(new Part6PmuCommand());
    commands.add(new Part6PdcCommand());
    commands.add(new PkiCommand());
    commands.add(new ServeCommand());
    commands.add(new SubmitCommand());
    commands.add(new GradeCommand());
    commands.add(new NetlabCommand());
    commands.add(new GradeClassCommand());
    commands.add(new ReportCommand());
    return commands;
  }
}
