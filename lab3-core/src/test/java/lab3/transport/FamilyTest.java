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
    assertEquals(List.of(V4), Family.IPV4.select(List.of(V4, V6)));
    assertEquals(List.of(V6), Family.IPV6.select(List.of(V4, V6)));
    assertEquals(List.of(), Family.IPV6.select(List.of(V4)));
  }

  @Test
  void oneFamilyTypeNamesTheJdkFamiliesAndAddressesAndHowMessagesSayThem() {
    assertEquals(Family.IPV4, Family.of(java.net.StandardProtocolFamily.INET));
    assertEquals(Family.IPV6, Family.of(java.net.StandardProtocolFamily.INET6));
    assertEquals(Family.IPV6, Family.of(V6));
    assertEquals(Family.IPV4, Family.of(V4));
    assertEquals(java.net.StandardProtocolFamily.INET6, Family.IPV6.protocolFamily());
    assertEquals("IPv6", Family.IPV6.displayName());
    assertEquals("IPv4", Family.IPV4.displayName());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, Family.ANY::protocolFamily);
  }
}
