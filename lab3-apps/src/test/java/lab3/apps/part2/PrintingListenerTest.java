package lab3.apps.part2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrintingListenerTest {
  /** Chars per slice of a String: the 64 KiB buffer over 3 bytes per char. */
  private static final int SLICE = 64 * 1024 / 3;

  private static byte[] printed(CharSequence text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintingListener listener = new PrintingListener(out);
    listener.onText(text);
    listener.onReadComplete();
    return out.toByteArray();
  }

  /** Many slices of mixed text, with a surrogate pair across the first slice boundary. */
  private static String mixedText() {
    StringBuilder text = new StringBuilder("a".repeat(SLICE - 1)).append("\uD83D\uDE00");
    while (text.length() < 5 * SLICE) {
      text.append("Roméo, Juliette, ジュリエット, \uD83C\uDFAD; ");
    }
    return text.toString();
  }

  @Test
  void aStringIsPrintedAsItsUtf8BytesAcrossSlicesAndSplitSurrogatePairs() throws IOException {
    String text = mixedText();
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), printed(text));
  }

  @Test
  void aCharBufferAndAStringOfTheSameTextPrintTheSameBytes() throws IOException {
    String text = mixedText();
    assertArrayEquals(printed(text), printed(CharBuffer.wrap(text)));
  }

  @Test
  void aLoneSurrogateBecomesAQuestionMarkAsWithTheEncoder() throws IOException {
    String text = "x\uD800y\uDC00z";
    assertEquals("x?y?z", new String(printed(text), StandardCharsets.UTF_8));
    assertEquals("x?y?z", new String(printed(CharBuffer.wrap(text)), StandardCharsets.UTF_8));
  }

  @Test
  void messagesEndWithANewline() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintingListener listener = new PrintingListener(out);
    listener.onMessage("This is PMU data 1");
    listener.onMessage("This is PMU data 2");
    listener.onReadComplete();
    assertEquals("This is PMU data 1\nThis is PMU data 2\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void textBlocksOfEverySizeKeepTheirOrderWithBufferedMessagesAndText() throws IOException {
    java.util.Random random = new java.util.Random(17);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    PrintingListener listener = new PrintingListener(out);
    int[] sizes = {
      1,
      100,
      PrintingListener.DIRECT_BYTES - 1,
      PrintingListener.DIRECT_BYTES,
      64 * 1024,
      64 * 1024 + 1,
      256 * 1024
    };
    for (int round = 0; round < 60; round++) {
      int size = sizes[random.nextInt(sizes.length)];
      byte[] block = new byte[size + 10];
      for (int i = 0; i < block.length; i++) {
        block[i] = (byte) ('a' + random.nextInt(26));
      }
      int off = random.nextInt(10);
      listener.onTextBytes(block, off, size);
      expected.write(block, off, size);
      if (random.nextInt(3) == 0) {
        listener.onMessage("This is PMU data " + round);
        expected.write(("This is PMU data " + round + "\n").getBytes(StandardCharsets.UTF_8));
      }
      if (random.nextInt(4) == 0) {
        listener.onReadComplete();
        assertArrayEquals(expected.toByteArray(), out.toByteArray(), "after round " + round);
      }
    }
    listener.onReadComplete();
    assertArrayEquals(expected.toByteArray(), out.toByteArray());
  }
}
