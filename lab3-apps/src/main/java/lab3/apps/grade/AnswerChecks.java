package lab3.apps.grade;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import lab3.pmu.FloodText;

/**
 * The checks Parts 2 and 5 share: a PDC that sends {@code CMD_short:d} or {@code CMD_floodme} to a
 * PMU (over TCP or WebSocket) must print exactly the messages, one per line, or the whole text.
 */
final class AnswerChecks {
  private AnswerChecks() {}

  /** A started PMU emulator and its port. */
  record Started(Closeable server, int port) {}

  /**
   * Starts the part's PMU emulator, on the bench's server host ({@link Bench#onServer}), with n
   * messages and the given flood text.
   */
  @FunctionalInterface
  interface Emulator {
    Started start(Bench bench, int messages, FloodText text) throws Exception;
  }

  /** The server's address as the part's program is given it, on the bench's network. */
  @FunctionalInterface
  interface Host {
    String of(Bench bench);
  }

  static Check shortMessages(String part, Host host, Emulator emulator, int n, String d) {
    return new Check(
        part,
        "CMD_short:" + d + " with n=" + n,
        bench -> {
          Started pmu = bench.onServer(() -> emulator.start(bench, n, FloodText.builtIn()));
          bench.track(pmu.server());
          ProcessRunner.Result r =
              bench.run(part, new byte[0], host.of(bench), "" + pmu.port(), "CMD_short:" + d);
          String failure = Outcome.ofRun(r, bench);
          return failure != null
              ? failure
              : Diff.lines(
                  IntStream.rangeClosed(1, n).mapToObj(i -> "This is PMU data " + i).toList(),
                  r.out());
        });
  }

  static Check floodme(String part, Host host, Emulator emulator) {
    return new Check(
        part,
        "CMD_floodme, the whole text",
        bench -> {
          FloodText text = FloodText.builtIn();
          Started pmu = bench.onServer(() -> emulator.start(bench, 1, text));
          bench.track(pmu.server());
          ProcessRunner.Result r =
              bench.run(part, new byte[0], host.of(bench), "" + pmu.port(), "CMD_floodme");
          String failure = Outcome.ofRun(r, bench);
          return failure != null
              ? failure
              : Diff.text(new String(text.bytes(), StandardCharsets.UTF_8), r.out());
        });
  }

  /** The usual set: d=0 for each n of {@code zeroDelayCounts}, d=1 with 3 messages, floodme. */
  static List<Check> all(String part, Host host, Emulator emulator, int... zeroDelayCounts) {
    var checks = new java.util.ArrayList<Check>();
    for (int n : zeroDelayCounts) {
      checks.add(shortMessages(part, host, emulator, n, "0"));
    }
    checks.add(shortMessages(part, host, emulator, 3, "1"));
    checks.add(floodme(part, host, emulator));
    return List.copyOf(checks);
  }
}
