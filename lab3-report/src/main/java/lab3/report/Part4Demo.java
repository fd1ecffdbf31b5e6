package lab3.report;

import java.io.PrintStream;
import java.util.Map;
import lab3.multicast.TvProgram;

/**
 * Part 4: the report's Part 4 experiment: the TV program, a receiver and two senders of more than
 * 300 characters each on one multicast group with TTL 1.
 */
final class Part4Demo implements DemoPart {

  @Override
  public String title() {
    return "Part 4: UDP multicast, TV program, receiver and two senders";
  }

  @Override
  public void run(PrintStream out, ReportContext ctx) throws Exception {
    Part4Experiment.Result r = Part4Experiment.run(ctx);
    out.println("   the receiver (4.1), joined to " + r.group() + ", printed:");
    r.program().stream().limit(3).forEach(l -> show(out, l));
    for (Map.Entry<String, String> answer : r.answers().entrySet()) {
      out.printf(
          "   sender %s sent %d characters (4.2); the TV program answered:%n",
          answer.getKey(), r.sent().get(answer.getKey()));
      show(out, answer.getValue());
    }
    boolean all = r.delivered().values().stream().allMatch(b -> b);
    out.println(
        "   Q17: our senders set "
            + r.senderOptions()
            + (all ? "; every datagram reached the receiver" : "; not every datagram arrived")
            + ". Q18: "
            + r.answers().size()
            + " of "
            + r.sent().size()
            + " texts over "
            + TvProgram.ANSWER_THRESHOLD
            + " characters got an answer.");
  }

  private static void show(PrintStream out, String line) {
    out.println("     | " + (line.length() > 80 ? line.substring(0, 77) + "..." : line));
  }
}
