package lab3.examples.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.TruncatedMessageException;
import lab3.testing.PmuStreams;
import lab3.testing.ScriptedConnection;
import lab3.transport.Connection;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.Test;

/**
 * A consumer's own code ({@link PmuRecorder}) tested with mocked streams: lab3-testing's scripted
 * connections cut the PMU's bytes where a real network might, and Mockito mocks what is left. Copy
 * it: every test runs in milliseconds, with no socket and no server.
 */
class MockedStreamsTest {
  private static final Endpoint PMU = new Endpoint("pmu.test", 5003);
  private static final Duration PATIENT = Duration.ofSeconds(30);

  private static List<Integer> oneTo(int n) {
    return IntStream.rangeClosed(1, n).boxed().toList();
  }

  @Test
  void oneBytePerRead() throws IOException {
    ScriptedConnection peer = ScriptedConnection.delivering(PmuStreams.messages(12), 1);
    assertEquals(oneTo(12), new PmuRecorder(peer.transport(), PATIENT).numbers(PMU));
    assertEquals(PmuStreams.messages(12).length, peer.reads());
    assertEquals("CMD_short:0", peer.writtenText());
  }

  @Test
  void aMessageCutMidDigit() throws IOException {
    byte[] stream = PmuStreams.messages(10);
    int betweenOneAndZero = PmuStreams.indexOf(stream, "data 10") + 6;
    ScriptedConnection peer =
        ScriptedConnection.builder().reads(PmuStreams.cut(stream, betweenOneAndZero)).build();
    // "This is PMU data 1" then "0": a reader that emitted at the end of each read would see 1.
    assertEquals(oneTo(10), new PmuRecorder(peer.transport(), PATIENT).numbers(PMU));
  }

  @Test
  void coalescedMessagesInOneRead() throws IOException {
    ScriptedConnection peer = ScriptedConnection.builder().read(PmuStreams.messages(5)).build();
    assertEquals(oneTo(5), new PmuRecorder(peer.transport(), PATIENT).numbers(PMU));
    assertEquals(1, peer.reads());
  }

  @Test
  void aUtf8CharacterSplitAcrossReads() throws IOException {
    String text = "Verona: né, €10";
    byte[] bytes = PmuStreams.floodme(text);
    int insideE = PmuStreams.indexOf(bytes, "é") + 1; // between the two bytes of é
    int insideEuro = PmuStreams.indexOf(bytes, "€") + 2; // between the 2nd and 3rd bytes of €
    ScriptedConnection peer =
        ScriptedConnection.builder().reads(PmuStreams.cut(bytes, insideE, insideEuro)).build();
    assertEquals(text, new PmuRecorder(peer.transport(), PATIENT).flood(PMU));
  }

  @Test
  void aCloseMidMessage() {
    byte[] stream = PmuStreams.messages(3);
    ScriptedConnection peer =
        ScriptedConnection.builder().read(PmuStreams.cut(stream, stream.length - 5).getFirst())
            .build();
    TruncatedMessageException e =
        assertThrows(
            TruncatedMessageException.class,
            () -> new PmuRecorder(peer.transport(), PATIENT).numbers(PMU));
    assertTrue(e.getMessage().contains("This is PMU d"), e.getMessage());
    assertTrue(peer.isClosed(), "the client closes the connection after a failure");
  }

  @Test
  void aTimeOut() {
    ScriptedConnection peer =
        ScriptedConnection.builder()
            .read(PmuStreams.messages(1))
            .then(ScriptedConnection.Ending.TIME_OUT)
            .build();
    assertThrows(
        SocketTimeoutException.class,
        () -> new PmuRecorder(peer.transport(), Duration.ofSeconds(5)).numbers(PMU));
    assertEquals(List.of(Duration.ofSeconds(5)), peer.readTimeouts()); // the recorder's silence
  }

  @Test
  void aPlainMockitoMockOfTheListenerSeesEveryMessage() throws IOException {
    PmuListener listener = mock(PmuListener.class);
    ScriptedConnection peer = ScriptedConnection.delivering(PmuStreams.messages(2), 7);
    PmuClient.builder()
        .transport(peer.transport())
        .build()
        .send(PMU, PmuCommand.parse("CMD_short:0"), listener);
    verify(listener).onMessage("This is PMU data 1");
    verify(listener).onMessage("This is PMU data 2");
  }

  @Test
  void aMockedConnectionWithoutItsOutputStubbedSaysWhatToStub() throws IOException {
    Connection connection = mock(Connection.class);
    when(connection.input()).thenReturn(lab3.transport.ScriptedInputStream.of("x"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new PmuRecorder(endpoint -> connection, PATIENT).numbers(PMU));
    assertTrue(e.getMessage().contains("output()"), e.getMessage());
  }
}
