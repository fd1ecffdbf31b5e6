package lab3.tests.networks;

import java.time.Duration;
import lab3.netlab.LabNetwork;

/** Part 4 across the lab network's link (5 ms each way, no loss: UDP would not repair it). */
class Part4OverLabNetworkTest extends Part4Suite {
  @Override
  TestNetwork openNetwork() throws Exception {
    return TestNetwork.lab(LabNetwork.builder().name("t-part4").delay(Duration.ofMillis(5)));
  }
}
