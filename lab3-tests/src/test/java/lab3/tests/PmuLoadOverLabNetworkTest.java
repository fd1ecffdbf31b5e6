package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import lab3.netlab.LabNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link PmuLoadTest} across the lab network with 2% loss each way: the emulator on labhost, the
 * clients in a child JVM on pc. Every session open at once, none lost, every message in order, and
 * the emulator's descriptors and threads back to their baseline.
 */
class PmuLoadOverLabNetworkTest {
  private static LabNetwork lab;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
    lab =
        LabNetwork.builder()
            .name("rel16-load")
            .delay(Duration.ofMillis(1))
            .loss(0.02)
            .seed(16)
            .start();
    assertFalse(lab.impairments().mechanisms().isEmpty(), lab.describe());
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  private static void load(int sessions) throws Exception {
    String host = lab.labhost().ipv4().getHostAddress();
    PmuLoadTest.load(
        sessions,
        host,
        List.of("ip", "netns", "exec", lab.pc().namespace()),
        settings -> lab.labhost().call(() -> settings.build().start()),
        pmu -> lab.pc().call(() -> CommandRun.of("part2", host, "" + pmu.port(), "CMD_short:0")));
  }

  @Test
  void thousandSessionsOverTwoPercentLossAllComplete() throws Exception {
    load(1_000);
  }

  @Test
  @Tag("full")
  void tenThousandSessionsOverTwoPercentLossAllComplete() throws Exception {
    load(10_000);
  }
}
