package lab3.tests.networks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import lab3.tests.CommandRun;
import lab3.ws.WsPmuServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Part 5 on a network: the WebSocket PMU on the server host, the {@code part5} command on the
 * client host; what it prints is the PMU's text byte for byte.
 */
abstract class Part5Suite extends NetworkSuite {

  private WsPmuServer pmu(InetAddress bind) throws Exception {
    return network.onServer(
        () ->
            WsPmuServer.builder()
                .bindAddress(bind)
                .port(0)
                .messages(20)
                .floodText(FLOOD)
                .build()
                .start());
  }

  @ParameterizedTest
  @EnumSource(names = {"INET", "INET6"})
  void part5FloodmeOfOneMebibytePrintsTheTextByteForByte(StandardProtocolFamily family)
      throws Exception {
    InetAddress server = network.serverAddress(family);
    try (WsPmuServer pmu = pmu(server)) {
      CommandRun run =
          network.lab3(
              "part5", server.getHostAddress(), Integer.toString(pmu.port()), "CMD_floodme");
      assertEquals(0, run.status(), run.stderr());
      assertArrayEquals(floodmePrinted(), run.stdout(), network.describe());
    }
  }

  @Test
  void part5ByTheServersNamePrintsTheTwentyMessages() throws Exception {
    try (WsPmuServer pmu = pmu(network.serverAnyAddress())) {
      CommandRun run =
          network.lab3("part5", network.serverName(), Integer.toString(pmu.port()), "CMD_short:0");
      assertEquals(0, run.status(), run.stderr());
      assertEquals(TWENTY_LINES, run.out());
    }
  }
}
