package lab3.pmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link PmuMessageDecoder} on arbitrary streams cut at arbitrary points: it emits well-formed
 * messages, and its only failures are {@link ProtocolException} (and its subtype {@link
 * TruncatedMessageException} at the end of the stream).
 */
class PmuMessageDecoderPropertiesTest {

  /** A valid answer, a corrupted one, or noise. */
  @Provide
  Arbitrary<byte[]> streams() {
    Arbitrary<byte[]> valid = Arbitraries.integers().between(0, 150).map(n -> answer(1, n));
    Arbitrary<byte[]> corrupted = valid.flatMap(HostileInput::mutate);
    Arbitrary<byte[]> renumbered =
        Arbitraries.longs()
            .between(0, Long.MAX_VALUE)
            .flatMap(first -> Arbitraries.integers().between(1, 5).map(n -> answer(first, n)));
    Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    return Arbitraries.oneOf(valid, corrupted, renumbered, noise);
  }

  static byte[] answer(long first, int n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long i = first; i < first + n && i >= 0; i++) {
      out.writeBytes((PmuMessageDecoder.PREFIX + i).getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  @Property(tries = 3000)
  void arbitraryStreamsFailOnlyWithProtocolException(
      @ForAll("streams") byte[] stream, @ForAll long seed) throws IOException {
    PmuMessageDecoder decoder = new PmuMessageDecoder();
    List<String> messages = new ArrayList<>();
    PmuListener listener =
        new PmuListener() {
          @Override
          public void onMessage(String message) {
            messages.add(message);
          }
        };
    try {
      feedInRandomChunks(decoder, stream, new Random(seed), listener);
      decoder.finish(listener);
    } catch (ProtocolException expected) {
      // documented; TruncatedMessageException is one
    }
    for (String m : messages) {
      assertTrue(m.matches("This is PMU data [0-9]{1,18}"), m);
    }
    assertEquals(messages.size(), decoder.messages());
  }

  @Property(tries = 2000)
  void validAnswerCutAnywhereDecodesToEveryMessageInOrder(
      @ForAll @IntRange(min = 0, max = 150) int n, @ForAll long seed) throws IOException {
    PmuMessageDecoder decoder = new PmuMessageDecoder();
    List<String> messages = new ArrayList<>();
    PmuListener listener =
        new PmuListener() {
          @Override
          public void onMessage(String message) {
            messages.add(message);
          }
        };
    feedInRandomChunks(decoder, answer(1, n), new Random(seed), listener);
    decoder.finish(listener);
    assertEquals(n, messages.size());
    for (int i = 0; i < n; i++) {
      assertEquals(PmuMessageDecoder.PREFIX + (i + 1), messages.get(i));
    }
  }

  private static void feedInRandomChunks(
      PmuMessageDecoder decoder, byte[] stream, Random random, PmuListener listener)
      throws IOException {
    for (int off = 0; off < stream.length; ) {
      int n = Math.min(stream.length - off, 1 + random.nextInt(24));
      decoder.decode(stream, off, n, listener);
      off += n;
    }
  }
}
