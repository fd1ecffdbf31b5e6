package lab3.tests.networks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lab3.netlab.Host;
import org.junit.jupiter.api.Test;

/** Part 2 across the lab network: delay, jitter, reordering and 2% loss each way. */
class Part2OverLabNetworkTest extends Part2Suite {
  @Override
  TestNetwork openNetwork() throws Exception {
    return TestNetwork.lab(impaired("t-part2"));
  }

  /** The suite's byte-exact floodme proves something only if the link really lost segments. */
  @Test
  void theLinkReallyLosesSegmentsThatTcpRetransmits() throws Exception {
    Host labhost = network.labNetwork().labhost();
    long before = retransmittedSegments(labhost);
    floodmeOfOneMebibyteArrivesByteForByte(StandardProtocolFamily.INET);
    long after = retransmittedSegments(labhost);
    assertTrue(after > before, "no segment retransmitted: " + network.describe());
  }

  /** RetransSegs of the host's TCP, from its own /proc/net/snmp (per network namespace). */
  private static long retransmittedSegments(Host host) throws Exception {
    Process cat = host.command(List.of("cat", "/proc/net/snmp")).start();
    List<String> lines =
        new String(cat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
    cat.waitFor();
    List<String> tcp = lines.stream().filter(l -> l.startsWith("Tcp:")).toList();
    List<String> names = List.of(tcp.get(0).split(" "));
    return Long.parseLong(tcp.get(1).split(" ")[names.indexOf("RetransSegs")]);
  }
}
