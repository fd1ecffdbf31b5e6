package lab3.apps.grade;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import lab3.pmu.FloodText;
import lab3.pmu.PmuServer;

/** Part 2: the PDC against the PMU emulator on ::1, for several n and d, and floodme. */
final class Part2Checks {
  private Part2Checks() {}

  static List<Check> all() {
    return List.of(
        shortCheck(1, "0"),
        shortCheck(7, "0"),
        shortCheck(120, "0"),
        shortCheck(3, "1"),
        floodme());
  }

  private static Check shortCheck(int n, String d) {
    return new Check(
        "Part2",
        "CMD_short:" + d + " with n=" + n,
        bench -> {
          PmuServer pmu = bench.track(pmu(PmuServer.builder().messages(n)));
          ProcessRunner.Result r =
              bench.run("Part2", new byte[0], "::1", "" + pmu.port(), "CMD_short:" + d);
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
        "Part2",
        "CMD_floodme, the whole text",
        bench -> {
          FloodText text = FloodText.builtIn();
          PmuServer pmu = bench.track(pmu(PmuServer.builder().floodText(text)));
          ProcessRunner.Result r =
              bench.run("Part2", new byte[0], "::1", "" + pmu.port(), "CMD_floodme");
          String failure = Outcome.ofRun(r, bench);
          return failure != null
              ? failure
              : Diff.text(new String(text.bytes(), StandardCharsets.UTF_8), r.out());
        });
  }

  private static PmuServer pmu(PmuServer.Builder builder) throws Exception {
    return builder.bindAddress(InetAddress.getByName("::1")).port(0).build().start();
  }
}
