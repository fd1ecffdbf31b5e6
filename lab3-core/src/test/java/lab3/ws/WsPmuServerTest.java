package lab3.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.Test;

class WsPmuServerTest {

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
