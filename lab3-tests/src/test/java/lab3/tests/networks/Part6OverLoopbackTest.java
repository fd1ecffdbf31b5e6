package lab3.tests.networks;

class Part6OverLoopbackTest extends Part6Suite {
  @Override
  TestNetwork openNetwork() {
    return TestNetwork.loopback();
  }
}
