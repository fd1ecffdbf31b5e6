package lab3.tests.networks;

/** Part 5 across the lab network: delay, jitter, reordering and 2% loss each way. */
class Part5OverLabNetworkTest extends Part5Suite {
  @Override
  TestNetwork openNetwork() throws Exception {
    return TestNetwork.lab(impaired("t-part5"));
  }
}
