package lab3.apps.grade;

import java.net.InetAddress;
import java.util.List;
import lab3.pmu.PmuServer;

/** Part 2: the PDC against the PMU emulator on ::1 (an IPv6 socket is required). */
final class Part2Checks {
  private Part2Checks() {}

  static List<Check> all() {
    return AnswerChecks.all(
        "Part2",
        "::1",
        (n, text) -> {
          PmuServer pmu =
              PmuServer.builder()
                  .bindAddress(InetAddress.getByName("::1"))
                  .port(0)
                  .messages(n)
                  .floodText(text)
                  .build()
                  .start();
          return new AnswerChecks.Started(pmu, pmu.port());
        },
        1,
        7,
        120);
  }
}
