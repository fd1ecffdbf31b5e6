package lab3.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HappyEyeballsTest {

  private static List<InetAddress> addresses(String... literals) {
    return Stream.of(literals)
        .map(
            literal -> {
              try {
                return InetAddress.getByName(literal);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }

  @Test
  void familiesAlternateIpv6FirstEachKeepingItsOrder() {
    assertEquals(
        addresses("fd00::1", "192.0.2.1", "fd00::2", "192.0.2.2", "fd00::3"),
        HappyEyeballs.interleave(
            addresses("192.0.2.1", "192.0.2.2", "fd00::1", "fd00::2", "fd00::3")));
  }

  @Test
  void oneFamilyKeepsItsOrder() {
    assertEquals(
        addresses("192.0.2.2", "192.0.2.1"),
        HappyEyeballs.interleave(addresses("192.0.2.2", "192.0.2.1")));
  }
}
