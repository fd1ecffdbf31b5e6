package lab3.apps.demo;

import java.util.List;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Failures;
import lab3.apps.cli.Io;
import org.apache.commons.cli.CommandLine;

/**
 * {@code ./lab3 demo}: every part of the lab end to end against emulators on loopback, with a short
 * summary per part. Exit status 1 if any part failed.
 */
public final class DemoCommand extends CliCommand {

  public DemoCommand() {
    super("demo", "", "run every part of the lab end to end against local emulators", 0, 0);
  }

  static List<DemoPart> parts() {
    return List.of(
        new Part1Demo(),
        new Part2Demo(),
        new Part3Demo(),
        new Part4Demo(),
        new Part5Demo(),
        new Part6Demo(),
        new HandInDemo());
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) {
    long start = System.nanoTime();
    int failed = 0;
    for (DemoPart part : parts()) {
      io.out().println("== " + part.title());
      io.out().flush();
      try {
        part.run(io.out());
      } catch (Exception e) {
        failed++;
        io.out().println("   FAILED: " + Failures.describe(e));
      }
      io.out().println();
      io.out().flush();
    }
    io.out()
        .printf(
            "Demo finished in %.1f s: %d of %d parts worked.%n",
            (System.nanoTime() - start) / 1e9, parts().size() - failed, parts().size());
    io.out().flush();
    return failed == 0 ? 0 : 1;
  }
}
