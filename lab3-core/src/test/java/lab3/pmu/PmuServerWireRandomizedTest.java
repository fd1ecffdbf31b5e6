package lab3.pmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PMU emulator on a real socket fed whatever a client may send: random commands, overlong
 * lines, invalid UTF-8, half a command. It answers with one {@code ERROR} line or with the PMU
 * protocol, then closes; it never hangs, never logs a crash, and the next well-formed session is
 * served. Inputs come from a seeded {@link Random}; a failure names its seed.
 */
class PmuServerWireRandomizedTest {
  private static final String FLOOD =
      new String(FloodText.generated(1000).bytes(), StandardCharsets.UTF_8);
  private static final List<String> log = new CopyOnWriteArrayList<>();
  private static PmuServer pmu;

  @BeforeAll
  static void start() throws IOException {
    pmu =
        PmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .messages(2)
            .floodText(FloodText.generated(1000))
            .commandTimeout(Duration.ofSeconds(5))
            .log(log::add)
            .build()
            .start();
  }

  @AfterAll
  static void stop() throws IOException {
    pmu.close();
  }

  @Test
  void anyBytesGetAnErrorLineOrAnAnswerAndTheNextSessionIsServed() throws IOException {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 400; i++) {
      exchangeOnce(HostileInput.commandBytes(random), seed);
    }
  }

  private static void exchangeOnce(byte[] bytes, long seed) throws IOException {
    String answer = exchange(bytes, false);
    boolean error = answer.startsWith("ERROR ") && answer.indexOf('\n') == answer.length() - 1;
    boolean pmuData =
        answer.startsWith("This is PMU data 1".substring(0, Math.min(18, answer.length())));
    boolean flood =
        answer.startsWith(FLOOD.substring(0, Math.min(FLOOD.length(), answer.length())));
    assertTrue(
        !answer.isEmpty() && (error || pmuData || flood),
        "seed "
            + seed
            + ", answer to '"
            + new String(bytes, StandardCharsets.UTF_8)
            + "': "
            + answer);
    assertEquals(
        "This is PMU data 1This is PMU data 2",
        exchange("CMD_short:0".getBytes(StandardCharsets.US_ASCII), true),
        "seed " + seed);
  }

  /**
   * Sends {@code bytes}, half-closes, and reads the answer: to its end if it is an error line or
   * {@code toEnd}, else its first read only (a mutated command may ask for long pauses); closing
   * then makes the server stop.
   */
  private static String exchange(byte[] bytes, boolean toEnd) throws IOException {
    try (Socket socket = new Socket("::1", pmu.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(bytes);
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[256];
      for (int n; (n = in.read(buf)) >= 0; ) {
        answer.write(buf, 0, n);
        String text = answer.toString(StandardCharsets.UTF_8);
        if (!toEnd && !text.startsWith("ERROR")) {
          break; // an answer under way: what came is enough
        }
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
