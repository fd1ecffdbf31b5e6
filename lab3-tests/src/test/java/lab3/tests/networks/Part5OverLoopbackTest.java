package lab3.tests.networks;

class Part5OverLoopbackTest extends Part5Suite {
  @Override
  TestNetwork openNetwork() {
    return TestNetwork.loopback();
  }
}
