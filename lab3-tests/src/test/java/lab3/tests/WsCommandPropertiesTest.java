package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab3.pmu.PmuCommand;
import lab3.ws.WsPmuServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The WebSocket PMU fed arbitrary text as its command: a valid command gets its answer and a normal
 * close (1000), anything else a policy-violation close (1008) with a reason; never an abnormal end.
 */
class WsCommandPropertiesTest {
  private static WsPmuServer pmu;
  private static JdkClient client;

  @BeforeContainer
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

  @AfterContainer
  static void stop() throws Exception {
    client.close();
    pmu.close();
  }

  @Provide
  Arbitrary<String> commands() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(100),
        Arbitraries.strings().withChars("CMD_shortfloodme:0123456789.\r\n ").ofMaxLength(40),
        Arbitraries.of("CMD_short:0", "CMD_floodme", "cmd_short:2", "CMD_short:0.5"));
  }

  @Property(tries = 300)
  void anyTextGetsTheAnswerOrAPolicyViolationClose(@ForAll("commands") String text)
      throws Exception {
    JdkWebSocket session = new JdkWebSocket();
    WebSocket ws = JdkWebSocket.open(client.http(), pmu.port(), session).get(20, TimeUnit.SECONDS);
    ws.sendText(text, true);
    JdkWebSocket.Closed closed = session.closed.get(20, TimeUnit.SECONDS);
    if (PmuCommand.tryParse(text).isPresent()) {
      assertEquals(1000, closed.code(), text + ": " + closed.reason());
      assertTrue(!closed.messages().isEmpty(), text);
    } else {
      assertEquals(1008, closed.code(), text + ": " + closed.reason());
      assertTrue(!closed.reason().isEmpty(), text);
      assertEquals(List.of(), closed.messages(), text);
    }
  }
}
