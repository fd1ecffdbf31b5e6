package lab3.tests.networks;

class Part4OverLoopbackTest extends Part4Suite {
  @Override
  TestNetwork openNetwork() {
    return TestNetwork.loopback();
  }
}
