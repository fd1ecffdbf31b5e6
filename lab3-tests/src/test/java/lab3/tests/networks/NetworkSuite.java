package lab3.tests.networks;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lab3.netlab.LabNetwork;
import lab3.pmu.FloodText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A suite of one Part's key behaviours, written once and run on every network: a subclass per
 * network ({@code PartNOverLoopbackTest}, {@code PartNOverLabNetworkTest}) says which, and the
 * suite's tests get it in {@link #network}. One network per test class: making a lab network costs
 * a second or two.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NetworkSuite {
  /**
   * What the lab network of the suites has unless a suite needs otherwise: TCP must repair all of
   * it (5 ms each way, ± 2 ms, 5% of frames overtaken, 2% lost), seeded so that a failure replays.
   */
  static LabNetwork.Builder impaired(String name) {
    return LabNetwork.builder()
        .name(name)
        .delay(Duration.ofMillis(5))
        .jitter(Duration.ofMillis(2))
        .reorder(0.05)
        .loss(0.02)
        .seed(42);
  }

  /** The floodme text of the suites: 1 MiB, many times the link's window and MSS. */
  static final FloodText FLOOD = FloodText.generated(1 << 20);

  /** What a PDC prints for CMD_short:0 from a PMU of 20 messages: a line each. */
  static final String TWENTY_LINES =
      IntStream.rangeClosed(1, 20)
          .mapToObj(i -> "This is PMU data " + i + "\n")
          .collect(Collectors.joining());

  /** What a PDC prints for CMD_floodme: the text, byte for byte, then one newline. */
  static byte[] floodmePrinted() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    printed.writeBytes(FLOOD.bytes());
    printed.write('\n');
    return printed.toByteArray();
  }

  TestNetwork network;

  /** The network this subclass runs the suite on; a skip (assumption) if it cannot be made. */
  abstract TestNetwork openNetwork() throws Exception;

  @BeforeAll
  void openTheNetwork() throws Exception {
    network = openNetwork();
  }

  @AfterAll
  void closeTheNetwork() throws Exception {
    if (network != null) {
      network.close();
    }
  }
}
