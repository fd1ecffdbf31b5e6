package lab3.apps.part2;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import lab3.pmu.PmuListener;

/**
 * Prints what a PMU sends the way graders expect it: one message per line, floodme text as it
 * comes, UTF-8; flushed once per network read (or WebSocket message), so a pipe sees each message
 * as soon as it arrived without a system call per line when thousands arrive at once.
 *
 * <p>It encodes into a buffer of its own and hands the stream whole blocks: a 1 GiB floodme passes
 * through without a String per read or a lock per line.
 */
public final class PrintingListener implements PmuListener {
  private final OutputStream out;
  private final CharsetEncoder encoder =
      StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

  public PrintingListener(OutputStream out) {
    this.out = out;
  }

  @Override
  public void onMessage(String message) throws IOException {
    onText(message);
    put((byte) '\n');
  }

  @Override
  public void onText(CharSequence text) throws IOException {
    CharBuffer chars = text instanceof CharBuffer b ? b.duplicate() : CharBuffer.wrap(text);
    while (true) {
      CoderResult result = encoder.encode(chars, buffer, false);
      if (result.isOverflow()) {
        drain();
      } else {
        break; // underflow: all consumed (a lone surrogate at the end waits for its pair)
      }
    }
  }

  @Override
  public void onReadComplete() throws IOException {
    drain();
    out.flush();
  }

  private void put(byte b) throws IOException {
    if (!buffer.hasRemaining()) {
      drain();
    }
    buffer.put(b);
  }

  private void drain() throws IOException {
    out.write(buffer.array(), 0, buffer.position());
    buffer.clear();
  }
}
