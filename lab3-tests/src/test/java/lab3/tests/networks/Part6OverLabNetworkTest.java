package lab3.tests.networks;

/** Part 6 across the lab network: delay, jitter, reordering and 2% loss each way. */
class Part6OverLabNetworkTest extends Part6Suite {
  @Override
  TestNetwork openNetwork() throws Exception {
    return TestNetwork.lab(impaired("t-part6"));
  }
}
