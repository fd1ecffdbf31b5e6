package lab3.report;

import java.io.PrintStream;

/**
 * Part 1: Code C and Code D, the echo server and client, over loopback; the same run as the
 * report's ({@link Part1Experiment#javaExamples}).
 */
final class Part1Demo implements DemoPart {

  @Override
  public String title() {
    return "Part 1: Code C (echo server, 16-byte reads) and Code D (client, 8-byte reads)";
  }

  @Override
  public void run(PrintStream out, ReportContext ctx) throws Exception {
    Part1Experiment.JavaRun run = Part1Experiment.javaExamples();
    out.println("   client (Code D) printed:");
    indent(out, run.client());
    out.println("   server (Code C) printed:");
    indent(out, run.server());
    long serverLines = run.server().lines().count();
    long clientLines = run.client().lines().count();
    out.printf(
        "   Q6: the server printed %d lines, the client %d: each side prints one line per recv(),"
            + " and the buffer sizes differ (16 vs 8).%n",
        serverLines - 2, clientLines - 1);
  }

  private static void indent(PrintStream out, String log) {
    log.lines().forEach(l -> out.println("     | " + l));
  }
}
