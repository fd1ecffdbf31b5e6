package lab3.examples.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import lab3.multicast.GroupChannel;
import lab3.multicast.TvProgram;
import lab3.reset.ResetClient;
import lab3.reset.ResetResult;
import lab3.testing.FakeDatagrams;
import lab3.testing.InMemoryGroup;
import lab3.transport.Endpoint;
import lab3.transport.Family;
import org.junit.jupiter.api.Test;

/** Parts 3 and 4 without a network: lab3-testing's fake datagrams and in-memory group. */
class FakeNetworksTest {

  @Test
  void theResetClientFindsAnIpv6OnlyServerDespiteLoss() throws IOException {
    FakeDatagrams network =
        FakeDatagrams.builder()
            .answers(Family.IPV6)
            .loss(0.5)
            .random(new Random(2))
            .offsets(n -> 11)
            .build();
    ResetResult r =
        ResetClient.builder()
            .datagrams(network)
            .resolver(
                host -> List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")))
            .timeout(Duration.ofMillis(100))
            .maxRounds(30)
            .build()
            .reset(new Endpoint("pmu.test", 5004));
    assertEquals(11, r.offset());
    assertEquals("IPv6", r.familyName());
  }

  @Test
  void aViewerSeesTheTvProgramOnAnInMemoryGroup() throws IOException {
    InMemoryGroup group = new InMemoryGroup();
    try (GroupChannel viewer = group.join();
        TvProgram tv =
            TvProgram.builder()
                .channel(group.opener())
                .script(List.of("Two households, both alike in dignity"))
                .interval(Duration.ofHours(1))
                .build()
                .start()) {
      assertEquals(
          "Two households, both alike in dignity", viewer.receive(Duration.ofSeconds(10)).text());
    }
  }
}
