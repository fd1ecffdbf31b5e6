package lab3.apps.grade;

import java.net.InetAddress;
import java.util.List;
import lab3.ws.WsPmuServer;

/**
 * Part 5: the WebSocket client against the WebSocket PMU emulator on 127.0.0.1, which sends each
 * message as binary frames, like the lab's server.
 */
final class Part5Checks {
  private Part5Checks() {}

  static List<Check> all() {
    return AnswerChecks.all(
        "Part5",
        "127.0.0.1",
        (n, text) -> {
          WsPmuServer server =
              WsPmuServer.builder()
                  .bindAddress(InetAddress.getByName("127.0.0.1"))
                  .port(0)
                  .messages(n)
                  .floodText(text)
                  .build()
                  .start();
          return new AnswerChecks.Started(server, server.port());
        },
        10);
  }
}
