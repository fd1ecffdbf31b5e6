package lab3.report;

import java.io.PrintStream;
import java.util.List;

/**
 * One part of {@code ./lab3 demo}: runs end to end and prints a short summary, a terminal rendering
 * of the part's record. The parts that the report also measures run the report's own experiments on
 * the demo's network, so the demo and the report cannot disagree.
 */
public interface DemoPart {

  /** The heading, e.g. "Part 2: packetization (TCP over IPv6)". */
  String title();

  /**
   * Starts what it needs (emulators on the server's host of {@code ctx}'s network), runs the part's
   * client, prints what was sent and what came back to {@code out}, and closes everything. Throws
   * if the part did not work.
   */
  void run(PrintStream out, ReportContext ctx) throws Exception;

  /** The demo's parts of the lab, 1 to 6, in order (the demo adds its hand-in part after them). */
  static List<DemoPart> labParts() {
    return List.of(
        new Part1Demo(),
        new Part2Demo(),
        new Part3Demo(),
        new Part4Demo(),
        new Part5Demo(),
        new Part6Demo());
  }
}
