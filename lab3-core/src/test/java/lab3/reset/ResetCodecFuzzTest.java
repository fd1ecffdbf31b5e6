package lab3.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.ProtocolException;

/**
 * {@code RESET:n} and {@code OFFSET=X} on arbitrary datagrams: a value or a {@link
 * ProtocolException}, nothing else; what decodes encodes and decodes back; an ack is never accepted
 * outside 0..n. Fuzz targets (Jazzer): seed corpus in {@code
 * src/test/resources/lab3/reset/ResetCodecFuzzTestInputs/}.
 */
class ResetCodecFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void requestDecodesAndRoundTripsOrThrowsProtocolException(byte[] datagram) {
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

  @FuzzTest(maxDuration = "10s")
  void ackDecodesWithinRangeAndRoundTripsOrThrowsProtocolException(FuzzedDataProvider data) {
    int n = data.consumeInt(0, ResetRequest.MAX_N);
    byte[] datagram = data.consumeRemainingAsBytes();
    OffsetAck ack;
    try {
      ack = OffsetAck.decode(datagram, 0, datagram.length, n);
    } catch (ProtocolException expected) {
      return;
    }
    assertTrue(ack.offset() >= 0 && ack.offset() <= n, ack + " for RESET:" + n);
    try {
      assertEquals(ack, OffsetAck.decode(ack.encode(), n));
    } catch (ProtocolException e) {
      throw new AssertionError("its own encoding does not decode: " + ack, e);
    }
  }
}
