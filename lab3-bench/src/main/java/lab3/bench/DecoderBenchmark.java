package lab3.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import lab3.pmu.PmuByteListener;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuMessageDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Benchmark 7: {@link PmuMessageDecoder} alone, over a CMD_short answer of {@link #MESSAGES}
 * messages cut into reads of {@code readSize} bytes (one message per read, as with a pause; a
 * loopback segment; a typical and a full 64 KiB read buffer). One operation decodes the whole
 * answer; bench/07-decoder.sh turns operations per second into bytes per second.
 *
 * <p>{@code scan} is the floor: it only touches every byte of the same reads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecoderBenchmark {
  /** Messages in the answer decoded by one operation. */
  public static final int MESSAGES = 100_000;

  @Param({"24", "1448", "16384", "65536"})
  public int readSize;

  private byte[] stream;

  @Setup
  public void setUp() {
    stream = answer(MESSAGES);
  }

  /** The bytes a PMU sends for {@code n} messages. */
  public static byte[] answer(int n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 1; i <= n; i++) {
      out.writeBytes((PmuMessageDecoder.PREFIX + i).getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  @Benchmark
  public long decodeToStrings(Blackhole hole) throws IOException {
    return decodeAll(
        new PmuListener() {
          @Override
          public void onMessage(String message) {
            hole.consume(message);
          }
        });
  }

  /** As {@link lab3.pmu.PmuClient} with a printing listener: bytes, no String per message. */
  @Benchmark
  public long decodeToBytes(Blackhole hole) throws IOException {
    return decodeAll(
        new PmuByteListener() {
          @Override
          public void onMessageBytes(byte[] ascii, int off, int len) {
            hole.consume(ascii[off + len - 1]);
          }
        });
  }

  /** Decodes the whole answer in reads of {@link #readSize}; returns the messages decoded. */
  private long decodeAll(PmuListener listener) throws IOException {
    PmuMessageDecoder decoder = new PmuMessageDecoder();
    for (int off = 0; off < stream.length; off += readSize) {
      decoder.decode(stream, off, Math.min(readSize, stream.length - off), listener);
    }
    decoder.finish(listener);
    return decoder.messages();
  }

  @Benchmark
  public long scan() {
    long sum = 0;
    for (int off = 0; off < stream.length; off += readSize) {
      int end = Math.min(off + readSize, stream.length);
      for (int i = off; i < end; i++) {
        sum += stream[i];
      }
    }
    return sum;
  }
}
