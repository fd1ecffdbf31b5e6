package lab3.tests.networks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import lab3.pmu.PmuByteListener;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuServer;
import lab3.tests.CommandRun;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Part 2 on a network: the PMU on the server host, the PDC on the client host, byte for byte. */
abstract class Part2Suite extends NetworkSuite {

  private PmuServer pmu(InetAddress bind) throws Exception {
    return network.onServer(
        () ->
            PmuServer.builder()
                .bindAddress(bind)
                .port(0)
                .messages(20)
                .floodText(FLOOD)
                .build()
                .start());
  }

  /** Sends {@code command} from the client host to a PMU on the server host's {@code family}. */
  private void send(StandardProtocolFamily family, PmuCommand command, PmuListener listener)
      throws Exception {
    InetAddress server = network.serverAddress(family);
    try (PmuServer pmu = pmu(server)) {
      network.onClient(
          () ->
              PmuClient.builder()
                  .build()
                  .send(new Endpoint(server.getHostAddress(), pmu.port()), command, listener));
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"INET", "INET6"})
  void cmdShortZeroDeliversTheTwentyMessagesInOrder(StandardProtocolFamily family)
      throws Exception {
    StringBuilder got = new StringBuilder();
    send(
        family,
        PmuCommand.Short.seconds(0),
        new PmuListener() {
          @Override
          public void onMessage(String message) {
            got.append(message).append('\n');
          }
        });
    assertEquals(TWENTY_LINES, got.toString(), network.describe());
  }

  @ParameterizedTest
  @EnumSource(names = {"INET", "INET6"})
  void floodmeOfOneMebibyteArrivesByteForByte(StandardProtocolFamily family) throws Exception {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    send(
        family,
        new PmuCommand.Floodme(),
        new PmuByteListener() {
          @Override
          public void onTextBytes(byte[] utf8, int off, int len) {
            got.write(utf8, off, len);
          }
        });
    assertArrayEquals(FLOOD.bytes(), got.toByteArray(), network.describe());
  }

  @Test
  void thePart2CommandByTheServersNamePrintsTheTwentyLines() throws Exception {
    try (PmuServer pmu = pmu(network.serverAnyAddress())) {
      CommandRun run =
          network.lab3("part2", network.serverName(), Integer.toString(pmu.port()), "CMD_short:0");
      assertEquals(0, run.status(), run.stderr());
      assertEquals(TWENTY_LINES, run.out());
    }
  }
}
