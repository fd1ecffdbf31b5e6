package lab3.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EndpointTest {

  @Test
  void bracketedIpv6LiteralIsUnwrapped() {
    assertEquals("::1", new Endpoint("[::1]", 5003).host());
  }

  @Test
  void printsIpv6WithBrackets() {
    assertEquals("[::1]:5003", new Endpoint("::1", 5003).toString());
    assertEquals("localhost:5003", new Endpoint("localhost", 5003).toString());
  }

  @Test
  void rejectsPortsOutOfRangeAndEmptyHosts() {
    assertThrows(IllegalArgumentException.class, () -> new Endpoint("h", 0));
    assertThrows(IllegalArgumentException.class, () -> new Endpoint("h", 70000));
    assertThrows(IllegalArgumentException.class, () -> new Endpoint(" ", 1));
  }
}
