package lab3.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.pmu.PmuServer;
import lab3.pmu.TruncatedMessageException;
import lab3.transport.Connection;
import lab3.transport.Endpoint;
import lab3.transport.InMemoryTransport;
import lab3.transport.ScriptedInputStream;
import lab3.transport.Transport;
import org.junit.jupiter.api.Test;

/** A protocol client tested without a socket: Mockito over Transport and Connection. */
class MockedStreamsTest {
  private static final Endpoint PMU = new Endpoint("pmu.test", 5003);

  @Test
  void messagesCutAcrossReadsAreDeliveredWhole() throws IOException {
    Connection connection = mock(Connection.class);
    when(connection.input())
        .thenReturn(ScriptedInputStream.of("This is PMU da", "ta 1This is PMU data ", "2"));
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    when(connection.output()).thenReturn(sent);
    Transport transport = mock(Transport.class);
    when(transport.open(any())).thenReturn(connection);

    List<String> got = new ArrayList<>();
    PmuResult r =
        PmuClient.builder()
            .transport(transport)
            .build()
            .send(PMU, PmuCommand.parse("CMD_short:0"), PmuListener.forMessages(got::add));
    assertEquals(List.of("This is PMU data 1", "This is PMU data 2"), got);
    assertEquals(3, r.reads());
    assertEquals("CMD_short:0", sent.toString(StandardCharsets.US_ASCII));
    verify(connection).close();
  }

  @Test
  void aServerClosingMidMessageIsReported() throws IOException {
    Connection connection = mock(Connection.class);
    when(connection.input()).thenReturn(ScriptedInputStream.of("This is PMU data 1This is"));
    when(connection.output()).thenReturn(new ByteArrayOutputStream());
    PmuClient client = PmuClient.builder().transport(endpoint -> connection).build();
    assertThrows(
        TruncatedMessageException.class,
        () -> client.send(PMU, PmuCommand.parse("CMD_short:0"), new PmuListener() {}));
  }

  @Test
  void theInMemoryTransportWithChunkingChosenByTheTest() throws IOException {
    PmuServer pmu = PmuServer.builder().messages(30).build(); // its handler only: no socket
    Random random = new Random(42);
    Transport chopped =
        InMemoryTransport.builder(pmu.handler()).readSizes(() -> 1 + random.nextInt(7)).build();
    List<String> got = new ArrayList<>();
    PmuResult r =
        PmuClient.builder()
            .transport(chopped)
            .build()
            .send(PMU, PmuCommand.parse("CMD_short:0"), PmuListener.forMessages(got::add));
    assertEquals(30, got.size());
    assertEquals("This is PMU data 30", got.get(29));
    assertEquals(true, r.reads() > 30); // more reads than messages: the test chose small reads
  }
}
