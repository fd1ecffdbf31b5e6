package lab3.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyTest {
  private static final InetAddress V4 = address("127.0.0.1");
  private static final InetAddress V6 = address("::1");

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anyTriesIpv6AddressesFirst() {
    assertEquals(List.of(V6, V4), Family.ANY.select(List.of(V4, V6)));
  }

  @Test
  void singleFamiliesKeepOnlyTheirAddresses() {
    assertEquals(List.of(V4), Family.IPV4_ONLY.select(List.of(V4, V6)));
    assertEquals(List.of(V6), Family.IPV6_ONLY.select(List.of(V4, V6)));
    assertEquals(List.of(), Family.IPV6_ONLY.select(List.of(V4)));
  }
}
