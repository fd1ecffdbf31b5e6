package lab3.grading;

import java.util.List;
import lab3.netlab.LabEnvironment;
import lab3.ws.WsPmuServer;

/**
 * Part 5: the WebSocket client against the WebSocket PMU emulator on the server's IPv4 address
 * (127.0.0.1 on loopback, labhost's 198.18.0.2 on the lab network), which sends each message as
 * binary frames, like the lab's server.
 */
public final class Part5Checks {
  private Part5Checks() {}

  public static List<Check> all() {
    return AnswerChecks.all(
        "Part5",
        bench -> LabEnvironment.text(bench.network().serverV4()),
        (bench, n, text, port) -> {
          WsPmuServer server =
              WsPmuServer.builder()
                  .bindAddress(
                      port == 0 ? bench.network().serverV4() : java.net.InetAddress.getByName("::"))
                  .log(bench.emulatorLog("WebSocket PMU emulator"))
                  .port(port)
                  .messages(n)
                  .floodText(text)
                  .build()
                  .start();
          return new AnswerChecks.Started(server, server.port());
        },
        10);
  }
}
