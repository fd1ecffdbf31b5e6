package lab3.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScriptedInputStreamTest {

  @Test
  void eachReadReturnsOneChunkThenTheEnd() throws IOException {
    ScriptedInputStream in = ScriptedInputStream.of("ab", "", "cde");
    byte[] buf = new byte[10];
    assertEquals(2, in.read(buf));
    assertEquals(0, in.read(buf)); // the empty chunk: a broken stream, on purpose
    assertEquals(3, in.read(buf));
    assertEquals("cde", new String(buf, 0, 3, StandardCharsets.UTF_8));
    assertEquals(-1, in.read(buf));
    assertEquals(2, in.reads());
  }

  @Test
  void aSmallBufferGetsTheRestOfTheChunkNext() throws IOException {
    ScriptedInputStream in = ScriptedInputStream.of("abcde");
    byte[] buf = new byte[2];
    assertEquals(2, in.read(buf));
    assertEquals(2, in.read(buf));
    assertEquals(1, in.read(buf));
    assertEquals(-1, in.read(buf));
  }

  @Test
  void choppedCutsTheDataIntoTheChosenSizes() throws IOException {
    ScriptedInputStream in = ScriptedInputStream.chopped("abcdefg".getBytes(), () -> 3);
    byte[] buf = new byte[10];
    assertEquals(3, in.read(buf));
    assertEquals(3, in.read(buf));
    assertEquals(1, in.read(buf));
    assertEquals(-1, in.read());
  }
}
