package lab3.multicast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link MulticastMessage#decode} never throws for bad bytes, and what encodes decodes back. */
class MulticastMessagePropertiesTest {
  private static final InetSocketAddress SOURCE = new InetSocketAddress("127.0.0.1", 5005);

  @Provide
  Arbitrary<byte[]> datagrams() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(400),
        Arbitraries.strings()
            .ofMaxLength(100)
            .map(s -> ("123456" + s).getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(8));
  }

  @Property(tries = 3000)
  void anyDatagramDecodesWithoutAnException(
      @ForAll("datagrams") byte[] datagram, @ForAll("fractions") double used) {
    int length = (int) Math.floor(datagram.length * used);
    MulticastMessage m = MulticastMessage.decode(datagram, length, SOURCE, Instant.EPOCH);
    assertEquals(Math.min(length, MulticastMessage.ID_LENGTH), m.id().length());
    assertEquals(m.warnings().isEmpty(), m.wellFormed());
    if (length < MulticastMessage.ID_LENGTH) {
      assertTrue(!m.wellFormed() && m.text().isEmpty(), m.toString());
    }
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.doubles().between(0, 1));
  }

  @Property(tries = 2000)
  void whatEncodesDecodesBack(@ForAll("ids") String id, @ForAll String text) {
    byte[] datagram = MulticastMessage.encode(id, text);
    MulticastMessage m = MulticastMessage.decode(datagram, datagram.length, SOURCE, Instant.EPOCH);
    assertEquals(id, m.id());
    // A lone surrogate has no UTF-8 form: the encoder writes '?' for it, as String.getBytes does.
    assertEquals(
        new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), m.text());
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings().withCharRange(' ', '~').ofLength(MulticastMessage.ID_LENGTH);
  }
}
