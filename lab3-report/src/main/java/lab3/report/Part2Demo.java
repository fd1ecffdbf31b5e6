package lab3.report;

import java.io.PrintStream;

/** Part 2: the report's Part 2 experiment (the PDC against the PMU, d=0, d=1, floodme). */
final class Part2Demo implements DemoPart {

  @Override
  public String title() {
    return "Part 2: packetization, PDC and PMU over TCP";
  }

  @Override
  public void run(PrintStream out, ReportContext ctx) throws Exception {
    Part2Experiment.Result r = Part2Experiment.run(ctx);
    out.println("   PMU emulator at " + r.runs().getFirst().server() + ", n = " + r.messages());
    for (StreamRun s : r.runs()) {
      if (s.messages() == 0 && !s.command().equals("CMD_floodme")) {
        throw new IllegalStateException(s.command() + ": no message came");
      }
      out.printf(
          "   %-12s -> %s%d read() calls, %d bytes, %d ms, %s%n",
          s.command(),
          s.command().equals("CMD_floodme") ? "" : s.messages() + " messages in ",
          s.calls(),
          s.bytes(),
          s.millis(),
          s.packetsText());
    }
    StreamRun d0 = r.run("CMD_short:0");
    StreamRun d1 = r.run("CMD_short:1");
    if (d0.messages() != r.messages() || d1.messages() != r.messages()) {
      throw new IllegalStateException(
          "expected " + r.messages() + " messages, got " + d0.messages() + " and " + d1.messages());
    }
    out.println("   Q9/Q10: " + MarkdownReport.explainShort(d0, d1).replace("`", ""));
    StringBuilder sizes = new StringBuilder();
    for (StreamRun b : r.buffers()) {
      sizes.append(sizes.isEmpty() ? "" : ", ").append(b.readBuffer()).append(" B: ");
      sizes.append(b.calls());
    }
    out.println(
        "   Q13: floodme's "
            + r.floodBytes()
            + " bytes took "
            + r.run("CMD_floodme").calls()
            + " read() calls; by read() size "
            + sizes
            + ": the calls follow the buffer and the timing, not the send()s.");
  }
}
