package lab3.tests.networks;

class Part2OverLoopbackTest extends Part2Suite {
  @Override
  TestNetwork openNetwork() {
    return TestNetwork.loopback();
  }
}
