package lab3.multicast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@link MulticastMessage#decode} never throws for bad bytes, and what encodes decodes back. Fuzz
 * targets (Jazzer): seed corpus in {@code
 * src/test/resources/lab3/multicast/MulticastMessageFuzzTestInputs/}.
 */
class MulticastMessageFuzzTest {
  private static final InetSocketAddress SOURCE = new InetSocketAddress("127.0.0.1", 5005);

  @FuzzTest(maxDuration = "10s")
  void anyDatagramDecodesWithoutAnException(FuzzedDataProvider data) {
    byte[] datagram = data.consumeRemainingAsBytes();
    int length = datagram.length == 0 ? 0 : datagram.length - (datagram[0] & 0x0f) % 2;
    MulticastMessage m = MulticastMessage.decode(datagram, length, SOURCE, Instant.EPOCH);
    assertEquals(Math.min(length, MulticastMessage.ID_LENGTH), m.id().length());
    assertEquals(m.warnings().isEmpty(), m.wellFormed());
    if (length < MulticastMessage.ID_LENGTH) {
      assertTrue(!m.wellFormed() && m.text().isEmpty(), m.toString());
    }
  }

  @FuzzTest(maxDuration = "10s")
  void whatEncodesDecodesBack(FuzzedDataProvider data) {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < MulticastMessage.ID_LENGTH; i++) {
      id.append(data.consumeChar(' ', '~'));
    }
    String text = data.consumeRemainingAsString();
    byte[] datagram = MulticastMessage.encode(id.toString(), text);
    MulticastMessage m = MulticastMessage.decode(datagram, datagram.length, SOURCE, Instant.EPOCH);
    assertEquals(id.toString(), m.id());
    // A lone surrogate has no UTF-8 form: the encoder writes '?' for it, as String.getBytes does.
    assertEquals(
        new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), m.text());
  }
}
