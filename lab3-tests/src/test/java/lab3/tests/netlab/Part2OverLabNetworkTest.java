package lab3.tests.netlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import lab3.apps.netlab.Impairments;
import lab3.apps.netlab.LabNetwork;
import lab3.pmu.FloodText;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuServer;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Part 2 across the lab network with delay, jitter, reordering and 2% loss each way: TCP repairs
 * all of it, so the client gets every message and every byte of floodme, in order.
 */
class Part2OverLabNetworkTest {
  private static final FloodText FLOOD = FloodText.generated(1 << 20);
  private static LabNetwork lab;
  private static PmuServer pmu;

  @BeforeAll
  static void startTheNetworkAndThePmuOnLabhost() throws Exception {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
    lab =
        LabNetwork.builder()
            .delay(Duration.ofMillis(5))
            .jitter(Duration.ofMillis(2))
            .reorder(0.05)
            .loss(0.02)
            .seed(42)
            .start();
    pmu =
        lab.labhost()
            .call(
                () -> PmuServer.builder().port(5003).messages(20).floodText(FLOOD).build().start());
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

  @ParameterizedTest
  @ValueSource(strings = {"v4", "v6"})
  void cmdShortZeroDeliversTheTwentyMessagesInOrder(String family) throws Exception {
    assertEquals(false, lab.impairments().mechanisms().isEmpty(), lab.describe());
    List<String> got = new ArrayList<>();
    lab.pc()
        .call(
            () ->
                PmuClient.builder()
                    .build()
                    .send(endpoint(family), PmuCommand.Short.seconds(0), collect(got)));
    assertEquals(IntStream.rangeClosed(1, 20).mapToObj(i -> "This is PMU data " + i).toList(), got);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v4", "v6"})
  void floodmeArrivesByteForByte(String family) throws Exception {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    lab.pc()
        .call(
            () ->
                PmuClient.builder()
                    .build()
                    .send(
                        endpoint(family),
                        new PmuCommand.Floodme(),
                        new PmuListener() {
                          @Override
                          public void onTextBytes(byte[] utf8, int off, int len) {
                            got.write(utf8, off, len);
                          }
                        }));
    assertArrayEquals(FLOOD.bytes(), got.toByteArray());
  }

  private static Endpoint endpoint(String family) {
    InetAddress address = family.equals("v4") ? lab.labhost().ipv4() : lab.labhost().ipv6();
    return new Endpoint(address.getHostAddress(), 5003);
  }

  private static PmuListener collect(List<String> messages) {
    return new PmuListener() {
      @Override
      public void onMessage(String message) {
        messages.add(message);
      }
    };
  }

  static Impairments.Mechanism mechanismOf(Impairments.Kind kind) {
    return lab.impairments().mechanisms().get(kind);
  }
}
