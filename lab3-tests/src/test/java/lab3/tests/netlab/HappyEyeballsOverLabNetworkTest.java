package lab3.tests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lab3.netlab.LabNetwork;
import lab3.pmu.PmuServer;
import lab3.tests.CommandRun;
import lab3.transport.Addresses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dual-stack name whose IPv6 path silently drops packets, as on a network whose IPv6 is half set
 * up: labhost's firewall (nft, inside its namespace) drops every TCP segment to its IPv6 address,
 * so pc's SYNs go unanswered, no RST and no ICMP. {@code part2} tries IPv6 first, IPv4 after the
 * 250 ms attempt delay, and prints the data; before Happy Eyeballs it waited out its connect
 * time-out on the IPv6 address.
 */
class HappyEyeballsOverLabNetworkTest {
  private static final String NAME = "dual.lab";
  private static LabNetwork lab;
  private static PmuServer pmu;

  @BeforeAll
  static void startTheNetworkWithIpv6BlackHoled() throws Exception {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
    assumeTrue(
        new ProcessBuilder("nft", "--version").start().waitFor() == 0, "no nft here: cannot drop");
    lab = LabNetwork.builder().name("rel16-he").start();
    pmu = lab.labhost().call(() -> PmuServer.builder().port(5003).messages(20).build().start());
    String v6 = lab.labhost().ipv6().getHostAddress();
    FaultsOverLabNetworkTest.nft(
        lab.labhost(),
        "table inet rel16he {\n chain input {\n  type filter hook input priority 0;\n  ip6 daddr "
            + v6
            + " tcp dport 5003 drop\n }\n}\n");
  }

  @AfterAll
  static void stop() throws Exception {
    if (pmu != null) {
      pmu.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void part2PrintsTheDataOverIpv4WhenTheIpv6AddressDropsEverything() throws Exception {
    String v6 = lab.labhost().ipv6().getHostAddress();
    String v4 = lab.labhost().ipv4().getHostAddress();
    long start = System.nanoTime();
    // A connect time-out of 5 s for all addresses: a client that waited it out on IPv6 (as part2
    // did before) has nothing left for IPv4 and fails.
    CommandRun run =
        lab.pc()
            .call(
                () ->
                    CommandRun.of(
                        "part2",
                        "-v",
                        "--connect-timeout",
                        "5",
                        "--resolve",
                        NAME + "=" + v6 + "," + v4,
                        NAME,
                        "5003",
                        "CMD_short:0"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.println("part2 over IPv4 with IPv6 black-holed: " + took.toMillis() + " ms");
    System.out.println(run.stderr());
    assertEquals(0, run.status(), run.stderr());
    assertEquals(
        IntStream.rangeClosed(1, 20)
            .mapToObj(i -> "This is PMU data " + i + "\n")
            .collect(Collectors.joining()),
        run.out());
    String err = run.stderr();
    String six = Addresses.format(new InetSocketAddress(lab.labhost().ipv6(), 5003));
    String four = v4 + ":5003";
    List<String> expected =
        List.of(
            "attempt 1, " + six + " started at ",
            "attempt 2, " + four + " (as ::ffff:" + v4 + " on the IPv6 socket) started at ",
            "attempt 2, " + four + " connected at ",
            "attempt 1, " + six + " abandoned (another attempt connected) at ");
    int from = 0;
    for (String line : expected) {
      int at = err.indexOf(line, from);
      assertTrue(at >= 0, "missing or out of order: '" + line + "' in\n" + err);
      from = at;
    }
    assertTrue(
        took.compareTo(Duration.ofSeconds(5)) < 0, "waited out the connect time-out: " + took);
  }
}
