package lab3.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuServer;
import lab3.pmu.PmuServerBuilder;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.Test;

class WsPmuServerTest {

  /** One configuration for either kind of PMU: the builders share their settings. */
  private static <B extends PmuServerBuilder<B>> B numberedFromZero(B builder) {
    return builder
        .bindAddress(InetAddress.getLoopbackAddress())
        .port(0)
        .messages(3)
        .firstMessage(0);
  }

  @Test
  void theTcpAndTheWebSocketPmuGiveTheSameMessagesForTheSameSettings() throws Exception {
    List<String> overTcp = new ArrayList<>();
    List<String> overWs = new ArrayList<>();
    try (PmuServer tcp = numberedFromZero(PmuServer.builder()).build().start();
        WsPmuServer ws = numberedFromZero(WsPmuServer.builder()).build().start();
        WsPmuClient client = WsPmuClient.builder().build()) {
      PmuClient.builder()
          .build()
          .send(
              new Endpoint("127.0.0.1", tcp.port()),
              PmuCommand.parse("CMD_short:0"),
              PmuListener.forMessages(overTcp::add));
      client.send(
          new Endpoint("127.0.0.1", ws.port()),
          PmuCommand.parse("CMD_short:0"),
          PmuListener.forMessages(overWs::add));
    }
    assertEquals(List.of("This is PMU data 0", "This is PMU data 1", "This is PMU data 2"), overWs);
    assertEquals(overWs, overTcp);
  }

  @Test
  void changingTheBuilderAfterBuildChangesNothingOfTheServer() throws Exception {
    WsPmuServer.Builder builder =
        WsPmuServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0).messages(3);
    try (WsPmuServer built = builder.build();
        WsPmuClient client = WsPmuClient.builder().build()) {
      builder.bindAddress(InetAddress.getByName("::")).port(5006).messages(7);
      built.start();
      assertEquals(InetAddress.getLoopbackAddress(), built.address().getAddress());
      List<String> got = new ArrayList<>();
      client.send(
          new Endpoint("127.0.0.1", built.port()),
          PmuCommand.parse("CMD_short:0"),
          PmuListener.forMessages(got::add));
      assertEquals(3, got.size());
    }
  }
}
