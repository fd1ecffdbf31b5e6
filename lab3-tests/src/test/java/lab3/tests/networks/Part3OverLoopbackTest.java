package lab3.tests.networks;

/** Part 3 on loopback: the emulator itself drops 30% of the requests. */
class Part3OverLoopbackTest extends Part3Suite {
  @Override
  TestNetwork openNetwork() {
    return TestNetwork.loopback();
  }

  @Override
  double serverLoss() {
    return 0.3;
  }
}
