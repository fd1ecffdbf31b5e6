package lab3.grading;

import java.util.List;
import lab3.netlab.LabEnvironment;
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
public final class Part2Checks {
  private Part2Checks() {}

  /**
   * The checks: {@code CMD_short:0} for each n of the policy's {@code part2.scored-n} (the course
   * graded with n of 2 to 17), {@code CMD_short:1} with 3, floodme, and n of {@code part2.advice-n}
   * as advice; the emulator numbers its messages and chooses its floodme as the policy's profile
   * says.
   */
  public static List<Check> all(Policy policy) {
    return AnswerChecks.all(
        "Part2",
        bench -> LabEnvironment.text(bench.network().serverV6()),
        (bench, n, text, port) -> {
          PmuServer pmu =
              PmuServer.builder()
                  // On IPv6 only, also on the lab's port: Part 2 requires an IPv6 socket.
                  .bindAddress(bench.network().serverV6())
                  .log(bench.emulatorLog("PMU emulator"))
                  .port(port)
                  .messages(n)
                  .floodText(text)
                  .firstMessage(bench.profile().firstMessage())
                  .build()
                  .start();
          return new AnswerChecks.Started(pmu, pmu.port(), bench.profile().firstMessage());
        },
        policy.numbers("part2.scored-n"),
        policy.numbers("part2.advice-n"));
  }
}
