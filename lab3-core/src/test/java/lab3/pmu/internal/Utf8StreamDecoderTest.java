package lab3.pmu.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import lab3.pmu.PmuByteListener;
import lab3.pmu.PmuListener;
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

  /**
   * Delivers the pieces; returns the UTF-8 a printer would write: bytes as they are, text encoded.
   */
  private static byte[] deliver(byte[] bytes, int... cuts) throws IOException {
    Utf8StreamDecoder decoder = new Utf8StreamDecoder();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PmuListener printer =
        new PmuByteListener() {
          @Override
          public void onText(CharSequence text) {
            out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
          }

          @Override
          public void onTextBytes(byte[] utf8, int off, int len) {
            assertEquals(len, Utf8Validator.wellFormed(utf8, off, off + len) - off);
            out.write(utf8, off, len);
          }
        };
    int from = 0;
    for (int cut : cuts) {
      decoder.deliver(bytes, from, cut - from, printer);
      from = cut;
    }
    decoder.deliver(bytes, from, bytes.length - from, printer);
    CharSequence rest = decoder.finish();
    printer.onText(rest);
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void deliverPassesWellFormedTextThroughWhereverItIsCut() throws IOException {
    byte[] bytes = utf8(TEXT);
    for (int a = 0; a <= bytes.length; a++) {
      for (int b = a; b <= bytes.length; b++) {
        assertArrayEquals(bytes, deliver(bytes, a, b), "cuts at " + a + ", " + b);
      }
    }
  }

  @Test
  void deliverReplacesMalformedBytesAsTheDecoderDoes() throws IOException {
    byte[][] cases = {
      {'a', (byte) 0xff, 'b', (byte) 0xc3},
      {(byte) 0xe2, 'A', (byte) 0x82, (byte) 0xac}, // a cut sequence broken by ASCII
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // a surrogate, encoded
      {(byte) 0xc0, (byte) 0xaf}, // overlong
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
      {(byte) 0xf0, (byte) 0x9f, (byte) 0x8c}, // cut by the end of the stream
    };
    for (byte[] bytes : cases) {
      byte[] expected = utf8(new String(bytes, StandardCharsets.UTF_8));
      for (int a = 0; a <= bytes.length; a++) {
        assertArrayEquals(expected, deliver(bytes, a), "cut at " + a);
      }
    }
  }

  @Test
  void deliverMatchesTheJdkDecoderOnRandomBytesInRandomPieces() throws IOException {
    Random random = new Random(11);
    for (int round = 0; round < 20; round++) {
      byte[] bytes = new byte[20_000];
      random.nextBytes(bytes);
      if (round % 2 == 0) { // mostly well-formed text with a few random bytes in it
        byte[] text = utf8(TEXT.repeat(400));
        System.arraycopy(text, 0, bytes, 0, bytes.length);
        for (int k = 0; k < 5; k++) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
        }
      }
      int[] cuts = random.ints(100, 0, bytes.length + 1).sorted().toArray();
      assertArrayEquals(
          utf8(new String(bytes, StandardCharsets.UTF_8)), deliver(bytes, cuts), "round " + round);
    }
  }
}
