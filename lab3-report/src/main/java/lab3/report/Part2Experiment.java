package lab3.report;

import java.util.ArrayList;
import java.util.List;
import lab3.netlab.LabEnvironment;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuServer;
import lab3.transport.Endpoint;

/**
 * Q9 to Q13: the PDC against the PMU emulator for {@code CMD_short:0}, {@code CMD_short:1} and
 * {@code CMD_floodme}, each under a capture; then floodme again with other read() sizes, the one
 * factor of Q13 that loopback lets us vary.
 */
public final class Part2Experiment {
  /** The read() sizes tried for Q13.3. */
  public static final List<Integer> BUFFERS = List.of(512, 4096, 16384);

  /**
   * @param runs d = 0, d = 1 and floodme, in that order, with the client's default read() size
   * @param buffers floodme with each of {@link #BUFFERS}
   * @param floodBytes the size of the floodme text
   */
  public record Result(
      int messages, List<StreamRun> runs, List<StreamRun> buffers, long floodBytes) {
    public StreamRun run(String command) {
      return runs.stream().filter(r -> r.command().equals(command)).findFirst().orElseThrow();
    }
  }

  private Part2Experiment() {}

  /** The lab's port of the PMU over TCP. */
  public static final int LAB_PORT = 5003;

  public static Result run(ReportContext ctx) throws Exception {
    LabEnvironment net = ctx.network();
    try (PmuServer pmu = server(ctx)) {
      int port = pmu == null ? LAB_PORT : pmu.port();
      Endpoint at = new Endpoint(LabEnvironment.text(net.serverV6()), port);
      List<StreamRun> runs = new ArrayList<>();
      for (String command : List.of("CMD_short:0", "CMD_short:1", "CMD_floodme")) {
        runs.add(session(ctx, "part2", port, at, command, 0));
      }
      List<StreamRun> buffers = new ArrayList<>();
      for (int size : BUFFERS) {
        buffers.add(session(ctx, "part2", port, at, "CMD_floodme", size));
      }
      int n = pmu == null ? (int) runs.getFirst().messages() : ctx.messages();
      return new Result(n, runs, buffers, runs.get(2).bytes());
    }
  }

  /** The PMU emulator on the server's host, or null against a real lab host. */
  static PmuServer server(ReportContext ctx) throws Exception {
    LabEnvironment net = ctx.network();
    if (!net.startsServers()) {
      return null;
    }
    return net.onServer(
        () ->
            PmuServer.builder()
                .bindAddress(net.serverV6())
                .port(net.port(LAB_PORT))
                .messages(ctx.messages())
                .build()
                .start());
  }

  /** One session under a capture named {@code tag-COMMAND[-bufSIZE]}. */
  static StreamRun session(
      ReportContext ctx, String tag, int port, Endpoint at, String command, int buffer)
      throws Exception {
    PmuClient.Builder b = PmuClient.builder();
    if (buffer > 0) {
      b.bufferSize(buffer);
    }
    PmuClient client = b.build();
    StreamMeasure.CallClock clock = new StreamMeasure.CallClock();
    String name = tag + "-" + command.replace(':', '-') + (buffer > 0 ? "-buf" + buffer : "");
    return StreamMeasure.measure(
        ctx,
        name,
        "TCP",
        command,
        buffer > 0 ? buffer : defaultBuffer(),
        port,
        List.of(),
        "",
        clock,
        () -> client.send(at, PmuCommand.parse(command), clock));
  }

  /** PmuClient's default read() size (its builder's 64 KiB). */
  static int defaultBuffer() {
    return 64 * 1024;
  }
}
