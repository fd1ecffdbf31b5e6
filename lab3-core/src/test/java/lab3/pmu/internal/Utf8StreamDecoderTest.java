package lab3.pmu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8StreamDecoderTest {
  private static final String TEXT = "Roméo, «Ω Ρωμαίε», ロミオ, 罗密欧, 🌹💔 end";

  private static String decode(byte[] bytes, int... cuts) {
    Utf8StreamDecoder decoder = new Utf8StreamDecoder();
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int cut : cuts) {
      out.append(decoder.decode(bytes, from, cut - from));
      from = cut;
    }
    out.append(decoder.decode(bytes, from, bytes.length - from));
    out.append(decoder.finish());
    return out.toString();
  }

  @Test
  void characterCutAtAnyByteIsDecodedWhole() {
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
    for (int a = 0; a <= bytes.length; a++) {
      for (int b = a; b <= bytes.length; b++) {
        assertEquals(TEXT, decode(bytes, a, b), "cuts at " + a + ", " + b);
      }
    }
  }

  @Test
  void oneByteAtATimeDecodesEverything() {
    byte[] bytes = TEXT.repeat(50).getBytes(StandardCharsets.UTF_8);
    int[] cuts = java.util.stream.IntStream.range(1, bytes.length).toArray();
    assertEquals(TEXT.repeat(50), decode(bytes, cuts));
  }

  @Test
  void invalidBytesBecomeReplacementCharacters() {
    byte[] bytes = {'a', (byte) 0xff, 'b', (byte) 0xc3};
    assertEquals("a\uFFFDb\uFFFD", decode(bytes, 1, 3));
  }

  @Test
  void randomPiecesOfLargeTextMatchTheJdkDecoder() {
    Random random = new Random(7);
    byte[] bytes = new byte[200_000];
    random.nextBytes(bytes); // mostly invalid UTF-8: replacements must match one-shot decoding
    int[] cuts = random.ints(300, 0, bytes.length + 1).sorted().toArray();
    assertEquals(new String(bytes, StandardCharsets.UTF_8), decode(bytes, cuts));
  }
}
