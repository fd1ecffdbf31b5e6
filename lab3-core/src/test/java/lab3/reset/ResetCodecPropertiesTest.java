package lab3.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import lab3.pmu.HostileInput;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code RESET:n} and {@code OFFSET=X} on arbitrary datagrams: a value or a {@link
 * ProtocolException}, nothing else; an ack is never accepted outside 0..n.
 */
class ResetCodecPropertiesTest {

  @Provide
  Arbitrary<byte[]> datagrams() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
    Arbitrary<byte[]> nearMiss =
        Arbitraries.strings()
            .withChars("RESETOFFSET:=reset0123456789-+ \r\n\t")
            .ofMaxLength(30)
            .map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
    Arbitrary<byte[]> mutated =
        Arbitraries.of("RESET:20", "RESET:0", "OFFSET=7", "OFFSET=20", "RESET:999999999\r\n")
            .map(s -> s.getBytes(StandardCharsets.US_ASCII))
            .flatMap(HostileInput::mutate);
    return Arbitraries.oneOf(raw, nearMiss, mutated);
  }

  @Property(tries = 3000)
  void requestDecodesOrThrowsProtocolException(@ForAll("datagrams") byte[] datagram) {
    ResetRequest request;
    try {
      request = ResetRequest.decode(datagram, 0, datagram.length);
    } catch (ProtocolException expected) {
      return;
    }
    byte[] again = request.encode();
    try {
      assertEquals(request, ResetRequest.decode(again, 0, again.length));
    } catch (ProtocolException e) {
      throw new AssertionError("its own encoding does not decode: " + request, e);
    }
  }

  @Property(tries = 3000)
  void ackDecodesWithinRangeOrThrowsProtocolException(
      @ForAll("datagrams") byte[] datagram,
      @ForAll @IntRange(min = 0, max = ResetRequest.MAX_N) int n) {
    try {
      OffsetAck ack = OffsetAck.decode(datagram, 0, datagram.length, n);
      assertTrue(ack.offset() >= 0 && ack.offset() <= n, ack + " for RESET:" + n);
    } catch (ProtocolException expected) {
      // documented
    }
  }

  @Property(tries = 2000)
  void everyAckInRangeRoundTrips(@ForAll @IntRange(min = 0, max = ResetRequest.MAX_N) int x)
      throws ProtocolException {
    OffsetAck ack = new OffsetAck(x);
    assertEquals(ack, OffsetAck.decode(ack.encode(), ResetRequest.MAX_N));
  }
}
