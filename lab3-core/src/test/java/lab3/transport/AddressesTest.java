package lab3.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class AddressesTest {

  @Test
  void formatsBothFamiliesAsPeopleWriteThem() {
    assertEquals("[::1]:5003", Addresses.format(new InetSocketAddress("::1", 5003)));
    assertEquals("[::]:5003", Addresses.format(new InetSocketAddress("::", 5003)));
    assertEquals("127.0.0.1:80", Addresses.format(new InetSocketAddress("127.0.0.1", 80)));
  }

  @Test
  void unresolvedAddressesKeepTheirName() {
    assertEquals("pmu.test:1", Addresses.format(InetSocketAddress.createUnresolved("pmu.test", 1)));
  }
}
