package lab3.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lab3.netlab.LabEnvironment;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;

/** Runs one PMU session under a capture and turns both sides into a {@link StreamRun}. */
final class StreamMeasure {
  private StreamMeasure() {}

  /** Records when each read() (or on_message) ended, in epoch nanoseconds. */
  static final class CallClock implements PmuListener {
    final List<Long> ends = new ArrayList<>();

    @Override
    public void onReadComplete() {
      ends.add(epochNanos());
    }
  }

  static long epochNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /**
   * @param serverPort the server's port: the capture keeps that port, the count keeps segments from
   *     it with payload
   * @param decodeAs tshark options (e.g. decode the port as HTTP so the WebSocket is dissected)
   * @param extraFilter more of the display filter, e.g. {@code && !http}, or ""
   */
  static StreamRun measure(
      ReportContext ctx,
      String name,
      String transport,
      String command,
      int readBuffer,
      int serverPort,
      List<String> decodeAs,
      String extraFilter,
      CallClock clock,
      Callable<PmuResult> session)
      throws Exception {
    Path file = ctx.capture(name);
    Captures.Capture capture =
        ctx.capturing()
            ? ctx.captures().start(ctx.network(), "tcp port " + serverPort, file)
            : null;
    long start = epochNanos();
    PmuResult r;
    try {
      r = ctx.network().onClient(session);
    } finally {
      if (capture != null) {
        capture.close();
      }
    }
    List<Double> callTimes = new ArrayList<>();
    for (long end : clock.ends) {
      callTimes.add((end - start) / 1e9);
    }
    Integer packets = null;
    List<StreamRun.Segment> segments = List.of();
    String count = null;
    if (capture != null) {
      String filter = "tcp.srcport==" + serverPort + " && tcp.len>0" + extraFilter;
      segments = segments(ctx.captures(), file, decodeAs, filter, start);
      packets = segments.size();
      count = ctx.captures().countCommand(file, decodeAs, filter);
    }
    String server = LabEnvironment.text(ctx.network().serverV6()) + " " + serverPort;
    String program =
        switch (transport) {
          case "TCP" -> "part2 -v " + server + " " + command;
          case "TLS" ->
              "part6-pdc -v --server "
                  + LabEnvironment.text(ctx.network().serverV6())
                  + " --port "
                  + serverPort
                  + " "
                  + command
                  + " part6/ca/cacert.pem";
          default -> "part5 -v " + server + " " + command;
        };
    return new StreamRun(
        transport,
        command,
        server,
        ctx.network().clientShell() + "./lab3 " + program,
        readBuffer,
        r.messages(),
        r.reads(),
        r.bytes(),
        r.elapsed().toMillis(),
        callTimes,
        packets,
        segments,
        capture == null ? null : ctx.out().relativize(file).toString(),
        count);
  }

  static List<StreamRun.Segment> segments(
      Captures captures, Path file, List<String> options, String filter, long startNanos)
      throws IOException {
    List<StreamRun.Segment> segments = new ArrayList<>();
    for (String[] row : captures.fields(file, options, filter, "frame.time_epoch", "tcp.len")) {
      double t = Double.parseDouble(row[0]) - startNanos / 1e9;
      segments.add(new StreamRun.Segment(t, Long.parseLong(row[1])));
    }
    return segments;
  }
}
