package lab3.examples.lean;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.transport.Endpoint;
import lab3.transport.Transport;

/**
 * A consumer's own code on top of lab3-core, the kind a newcomer writes and then wants to test
 * without a server: it asks a PMU for its messages and keeps their numbers, or for its floodme text.
 * It takes a {@link Transport}, so that its tests can give it a scripted one ({@code
 * lab3.testing.ScriptedConnection}): see {@code MockedStreamsTest}.
 */
public final class PmuRecorder {
  private final PmuClient client;

  /**
   * A recorder over {@code transport}.
   *
   * @param transport TCP in production ({@code TcpTransport.create()}), a scripted one in tests
   * @param silence how long the PMU may stay silent before the recorder gives up
   */
  public PmuRecorder(Transport transport, Duration silence) {
    this.client = PmuClient.builder().transport(transport).readTimeout(silence).build();
  }

  /**
   * Sends {@code CMD_short:0} and returns the number of each message, in order.
   *
   * @param pmu the PMU
   * @return the numbers, e.g. [1, 2, 3]
   * @throws IOException if the session fails (a cut message, a time-out, a reset)
   */
  public List<Integer> numbers(Endpoint pmu) throws IOException {
    List<Integer> numbers = new ArrayList<>();
    client.send(
        pmu,
        PmuCommand.parse("CMD_short:0"),
        PmuListener.forMessages(
            m -> numbers.add(Integer.parseInt(m.substring(m.lastIndexOf(' ') + 1)))));
    return numbers;
  }

  /**
   * Sends {@code CMD_floodme} and returns the whole text.
   *
   * @param pmu the PMU
   * @return the text
   * @throws IOException if the session fails
   */
  public String flood(Endpoint pmu) throws IOException {
    StringBuilder text = new StringBuilder();
    client.send(pmu, PmuCommand.parse("CMD_floodme"), PmuListener.forText(text::append));
    return text.toString();
  }
}
