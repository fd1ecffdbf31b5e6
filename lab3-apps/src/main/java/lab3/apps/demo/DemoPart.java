package lab3.apps.demo;

import java.io.PrintStream;
import lab3.report.ReportContext;

/**
 * One part of {@code ./lab3 demo}: runs end to end and prints a short summary. The parts that the
 * report also measures run the report's own experiments (lab3.apps.report) on the demo's network,
 * so the demo and the report cannot disagree.
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
}
