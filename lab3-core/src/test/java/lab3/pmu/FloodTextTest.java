package lab3.pmu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FloodTextTest {

  @Test
  void bytesHandsOutACopySoTheSharedTextCannotBeChanged() {
    FloodText text = FloodText.generated(100);
    byte[] first = text.bytes();
    byte[] before = first.clone();
    first[0] = (byte) '!';
    assertArrayEquals(before, text.bytes());
  }

  @Test
  void writeToSendsTheWholeTextInOneWrite() throws IOException {
    FloodText text = FloodText.builtIn();
    int[] writes = {0};
    ByteArrayOutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void write(byte[] b, int off, int len) {
            writes[0]++;
            super.write(b, off, len);
          }
        };
    text.writeTo(out);
    assertEquals(1, writes[0]);
    assertArrayEquals(text.bytes(), out.toByteArray());
  }
}
