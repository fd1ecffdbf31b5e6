package lab3.apps.grade;

import java.util.List;
import lab3.apps.report.ReportNetwork;
import lab3.pmu.PmuServer;

/**
 * Part 2: the PDC against the PMU emulator on the server's IPv6 address (an IPv6 socket is
 * required): {@code ::1} on loopback, labhost's {@code fd1a:...::2} on the lab network.
 *
 * <p>The program is given the address, not {@code tcpip.lab}: that name also has labhost's IPv4
 * address, and for a unique-local IPv6 address (fd00::/8) the default address selection (RFC 6724)
 * puts IPv4 first, so a client that opens an IPv6 socket and takes the first address of the name
 * would fail here, though it works in the lab, where the server's IPv6 address is a global one and
 * comes first.
 */
final class Part2Checks {
  private Part2Checks() {}

  static List<Check> all() {
    return AnswerChecks.all(
        "Part2",
        bench -> ReportNetwork.text(bench.network().serverV6()),
        (bench, n, text) -> {
          PmuServer pmu =
              PmuServer.builder()
                  .bindAddress(bench.network().serverV6())
                  .log(bench.emulatorLog("PMU emulator"))
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
