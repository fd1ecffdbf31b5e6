package lab3.tests.networks;

import java.time.Duration;
import lab3.netlab.LabNetwork;

/** Part 3 across the lab network: the link drops 30% of the frames each way, the server none. */
class Part3OverLabNetworkTest extends Part3Suite {
  @Override
  TestNetwork openNetwork() throws Exception {
    return TestNetwork.lab(
        LabNetwork.builder().name("t-part3").delay(Duration.ofMillis(5)).loss(0.3).seed(3));
  }

  @Override
  double serverLoss() {
    return 0;
  }
}
