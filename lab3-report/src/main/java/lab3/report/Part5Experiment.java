package lab3.report;

import java.util.ArrayList;
import java.util.List;
import lab3.netlab.LabEnvironment;
import lab3.pmu.PmuCommand;
import lab3.transport.Endpoint;
import lab3.ws.WsPmuClient;
import lab3.ws.WsPmuServer;

/**
 * Q19 to Q21: the WebSocket PDC against the WebSocket PMU for {@code CMD_short:0} and {@code
 * CMD_floodme}, each under a capture. The server's segments are counted after its HTTP 101 answer
 * (tshark decodes the port as HTTP, so the upgrade and then the WebSocket are dissected).
 */
public final class Part5Experiment {

  /** The two WebSocket sessions, {@code CMD_short:0} then floodme. */
  public record Result(int messages, List<StreamRun> runs) {
    public StreamRun run(String command) {
      return runs.stream().filter(r -> r.command().equals(command)).findFirst().orElseThrow();
    }
  }

  private Part5Experiment() {}

  /** The lab's port of the WebSocket PMU. */
  public static final int LAB_PORT = 5006;

  public static Result run(ReportContext ctx) throws Exception {
    LabEnvironment net = ctx.network();
    try (WsPmuServer ws =
            net.startsServers()
                ? net.onServer(
                    () ->
                        WsPmuServer.builder()
                            .bindAddress(net.serverV6())
                            .port(net.port(LAB_PORT))
                            .messages(ctx.messages())
                            .build()
                            .start())
                : null;
        // OkHttp connects on threads of its own, outside the client's host: its sockets are
        // made on the client's host instead.
        WsPmuClient client = WsPmuClient.builder().socketOpener(net::onClientIo).build()) {
      int port = ws == null ? LAB_PORT : ws.port();
      Endpoint at = new Endpoint(LabEnvironment.text(net.serverV6()), port);
      List<StreamRun> runs = new ArrayList<>();
      for (String command : List.of("CMD_short:0", "CMD_floodme")) {
        StreamMeasure.CallClock clock = new StreamMeasure.CallClock();
        runs.add(
            StreamMeasure.measure(
                ctx,
                "part5-" + command.replace(':', '-'),
                "WebSocket",
                command,
                0,
                port,
                List.of("-d", "tcp.port==" + port + ",http"),
                " && !http",
                clock,
                () -> client.send(at, PmuCommand.parse(command), clock)));
      }
      return new Result(ws == null ? (int) runs.getFirst().messages() : ctx.messages(), runs);
    }
  }
}
