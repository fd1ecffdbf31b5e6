package lab3.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import lab3.reset.ResetClient;
import lab3.reset.ResetResult;
import lab3.reset.ResetTimeoutException;
import lab3.transport.Endpoint;
import lab3.transport.Family;
import lab3.transport.Resolver;
import org.junit.jupiter.api.Test;

class FakeDatagramsTest {
  private static final Endpoint PMU = new Endpoint("reset.test", 5004);
  private static final Resolver BOTH_FAMILIES =
      host -> List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));

  private static ResetResult reset(FakeDatagrams network) throws IOException {
    return ResetClient.builder()
        .resolver(BOTH_FAMILIES)
        .datagrams(network)
        .timeout(Duration.ofMillis(200))
        .maxRounds(20)
        .build()
        .reset(PMU);
  }

  @Test
  void aServerOnIpv6OnlyIsFoundOverIpv6() throws IOException {
    FakeDatagrams network = FakeDatagrams.builder().answers(Family.IPV6).offsets(n -> 7).build();
    ResetResult r = reset(network);
    assertEquals(7, r.offset());
    assertEquals("IPv6", r.familyName());
    assertTrue(network.sent(Family.IPV4).stream().allMatch(s -> s.text().equals("RESET:20")));
    assertEquals(0, network.openSockets());
  }

  @Test
  void lossIsOvercomeByRepeatingTheRequest() throws IOException {
    FakeDatagrams network =
        FakeDatagrams.builder().loss(0.7).random(new Random(5)).offsets(n -> n).build();
    ResetResult r = reset(network);
    assertEquals(20, r.offset());
    assertTrue(network.sent().size() > 1, "sent " + network.sent());
  }

  @Test
  void aDelayedAnswerStillArrives() throws IOException {
    FakeDatagrams network =
        FakeDatagrams.builder().delay(Duration.ofMillis(50)).offsets(n -> 3).build();
    assertEquals(3, reset(network).offset());
  }

  @Test
  void everythingLostIsATimeOut() {
    FakeDatagrams network = FakeDatagrams.builder().loss(1).build();
    assertThrows(
        ResetTimeoutException.class,
        () ->
            ResetClient.builder()
                .resolver(BOTH_FAMILIES)
                .datagrams(network)
                .timeout(Duration.ofMillis(20))
                .maxRounds(3)
                .build()
                .reset(PMU));
  }

  @Test
  void anUnavailableFamilyFailsToOpenAndTheOtherServes() throws IOException {
    FakeDatagrams network =
        FakeDatagrams.builder().unavailable(Family.IPV6).offsets(n -> 1).build();
    ResetResult r = reset(network);
    assertEquals("IPv4", r.familyName());
    assertTrue(network.sent(Family.IPV6).isEmpty());
  }

  @Test
  void changingTheBuilderAfterBuildChangesNothingOfTheNetwork() throws IOException {
    FakeDatagrams.Builder builder = FakeDatagrams.builder().offsets(n -> 2);
    FakeDatagrams network = builder.build();
    builder.loss(1).offsets(n -> 9);
    assertEquals(2, reset(network).offset());
  }
}
