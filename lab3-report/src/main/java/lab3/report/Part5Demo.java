package lab3.report;

import java.io.PrintStream;

/** Part 5: the report's Part 5 experiment: the WebSocket PDC (OkHttp) and PMU (Jetty 12). */
final class Part5Demo implements DemoPart {

  @Override
  public String title() {
    return "Part 5: WebSocket PDC (OkHttp) and PMU (Jetty 12)";
  }

  @Override
  public void run(PrintStream out, ReportContext ctx) throws Exception {
    Part5Experiment.Result r = Part5Experiment.run(ctx);
    StreamRun shortRun = r.run("CMD_short:0");
    StreamRun flood = r.run("CMD_floodme");
    out.println("   WebSocket PMU at " + shortRun.server() + ", n = " + r.messages());
    for (StreamRun s : r.runs()) {
      out.printf(
          "   %-12s -> %d on_message calls, %d bytes, %d ms, %s%n",
          s.command(), s.calls(), s.bytes(), s.millis(), s.packetsText());
    }
    if (shortRun.messages() != r.messages() || flood.calls() != 1) {
      throw new IllegalStateException(
          shortRun.messages() + " messages of " + r.messages() + ", floodme in " + flood.calls());
    }
    out.println(
        "   Q20/Q21: on_message ran "
            + shortRun.calls()
            + " times for "
            + shortRun.messages()
            + " messages and once for floodme's "
            + flood.bytes()
            + " bytes: WebSocket frames carry the message boundaries, however TCP cut the bytes.");
  }
}
