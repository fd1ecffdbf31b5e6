package lab3.apps.grade;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import lab3.pmu.FloodText;
import lab3.ws.WsPmuServer;

/**
 * Part 5: the WebSocket client against the WebSocket PMU emulator on 127.0.0.1, which sends each
 * message as binary frames, like the lab's server.
 */
final class Part5Checks {
  private Part5Checks() {}

  static List<Check> all() {
    return List.of(shortCheck(10, "0"), shortCheck(3, "1"), floodme());
  }

  private static Check shortCheck(int n, String d) {
    return new Check(
        "Part5",
        "CMD_short:" + d + " with n=" + n,
        bench -> {
          WsPmuServer server = bench.track(start(WsPmuServer.builder().messages(n)));
          ProcessRunner.Result r =
              bench.run("Part5", new byte[0], "127.0.0.1", "" + server.port(), "CMD_short:" + d);
          String failure = Outcome.ofRun(r, bench);
          return failure != null
              ? failure
              : Diff.lines(
                  IntStream.rangeClosed(1, n).mapToObj(i -> "This is PMU data " + i).toList(),
                  r.out());
        });
  }

  private static Check floodme() {
    return new Check(
        "Part5",
        "CMD_floodme, the whole text",
        bench -> {
          FloodText text = FloodText.builtIn();
          WsPmuServer server = bench.track(start(WsPmuServer.builder().floodText(text)));
          ProcessRunner.Result r =
              bench.run("Part5", new byte[0], "127.0.0.1", "" + server.port(), "CMD_floodme");
          String failure = Outcome.ofRun(r, bench);
          return failure != null
              ? failure
              : Diff.text(new String(text.bytes(), StandardCharsets.UTF_8), r.out());
        });
  }

  private static WsPmuServer start(WsPmuServer.Builder builder) throws Exception {
    return builder.bindAddress(InetAddress.getByName("127.0.0.1")).port(0).build().start();
  }
}
