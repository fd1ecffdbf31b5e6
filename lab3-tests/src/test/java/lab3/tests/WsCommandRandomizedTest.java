package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import lab3.pmu.PmuCommand;
import lab3.ws.WsPmuServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket PMU fed arbitrary text as its command: a valid command gets its answer and a normal
 * close (1000), anything else a policy-violation close (1008) with a reason; never an abnormal end.
 * Commands come from a seeded {@link Random}; a failure names its seed.
 */
class WsCommandRandomizedTest {
  private static WsPmuServer pmu;
  private static JdkClient client;

  @BeforeAll
  static void start() throws IOException {
    pmu =
        WsPmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .messages(1) // one message: no pause, whatever d a mutated command asks for
            .build()
            .start();
    client = JdkClient.create();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    pmu.close();
  }

  private static final String[] VALID = {
    "CMD_short:0", "CMD_floodme", "cmd_short:2", "CMD_short:0.5"
  };

  /** Any Unicode text, text over the commands' alphabet, or a valid command. */
  static String command(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> {
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(101); n > 0; n--) {
          // Code points, not chars: a lone surrogate cannot be sent as text at all (the client's
          // sendText fails before anything is written), so the server would only see a silent
          // client and close it after its command time-out.
          int codePoint;
          do {
            codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
          } while (Character.getType(codePoint) == Character.SURROGATE);
          out.appendCodePoint(codePoint);
        }
        yield out.toString();
      }
      case 1 -> {
        String alphabet = "CMD_shortfloodme:0123456789.\r\n ";
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(41); n > 0; n--) {
          out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        yield out.toString();
      }
      default -> VALID[random.nextInt(VALID.length)];
    };
  }

  @Test
  void anyTextGetsTheAnswerOrAPolicyViolationClose() throws Exception {
    // A fixed seed, so that a failure can be replayed; -Dlab3.seed=N tries other commands.
    long seed = Long.getLong("lab3.seed", 20261201L);
    Random random = new Random(seed);
    for (int i = 0; i < 300; i++) {
      exchangeOnce(command(random), seed);
    }
  }

  private static void exchangeOnce(String text, long seed) throws Exception {
    JdkWebSocket session = new JdkWebSocket();
    WebSocket ws = JdkWebSocket.open(client.http(), pmu.port(), session).get(20, TimeUnit.SECONDS);
    ws.sendText(text, true).get(20, TimeUnit.SECONDS); // fails at once if the text cannot be sent
    JdkWebSocket.Closed closed = session.closed.get(20, TimeUnit.SECONDS);
    if (PmuCommand.tryParse(text).isPresent()) {
      assertEquals(1000, closed.code(), "seed " + seed + ", " + text + ": " + closed.reason());
      assertTrue(!closed.messages().isEmpty(), text);
    } else {
      assertEquals(1008, closed.code(), "seed " + seed + ", " + text + ": " + closed.reason());
      assertTrue(!closed.reason().isEmpty(), text);
      assertEquals(List.of(), closed.messages(), text);
    }
  }
}
