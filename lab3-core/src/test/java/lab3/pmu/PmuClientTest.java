package lab3.pmu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab3.transport.Connection;
import lab3.transport.Endpoint;
import lab3.transport.InMemoryTransport;
import lab3.transport.ScriptedInputStream;
import lab3.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PmuClientTest {
  private static final Endpoint PMU = new Endpoint("pmu.test", 5003);

  /** Collects what the client delivers. */
  static final class Collector implements PmuListener {
    final List<String> messages = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    int readsCompleted;

    @Override
    public void onMessage(String message) {
      messages.add(message);
    }

    @Override
    public void onText(CharSequence chunk) {
      text.append(chunk);
    }

    @Override
    public void onReadComplete() {
      readsCompleted++;
    }
  }

  private static PmuClient clientOver(PmuServer server, int maxRead) {
    Random random = new Random(maxRead);
    return PmuClient.builder()
        .transport(
            InMemoryTransport.builder(server.handler())
                .readSizes(() -> 1 + random.nextInt(maxRead))
                .build())
        .build();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 17, 1000})
  void shortMessagesArriveWholeAndInOrderWhateverTheReadSizes(int maxRead) throws IOException {
    PmuServer server = PmuServer.builder().messages(123).build();
    Collector got = new Collector();
    PmuResult result = clientOver(server, maxRead).send(PMU, PmuCommand.parse("CMD_short:0"), got);
    assertEquals(PmuMessageDecoderTest.expected(123), got.messages);
    assertEquals(123, result.messages());
    assertEquals(PmuMessageDecoderTest.stream(123).length, result.bytes());
    assertEquals(
        result.reads() + 1, got.readsCompleted, "one flush point per read, one at the end");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 4096})
  void floodmeTextIsIdenticalEvenWhenCharactersAreCutBetweenReads(int maxRead) throws IOException {
    FloodText flood = FloodText.builtIn();
    PmuServer server = PmuServer.builder().floodText(flood).build();
    Collector got = new Collector();
    PmuResult result = clientOver(server, maxRead).send(PMU, new PmuCommand.Floodme(), got);
    assertArrayEquals(flood.bytes(), got.text.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(flood.size(), result.bytes());
    assertEquals(0, result.messages());
  }

  @Test
  void commandIsSentAsOneWriteWithoutTerminator() throws IOException {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    Transport transport = mockTransport(sent, chunks());
    PmuClient.builder()
        .transport(transport)
        .build()
        .send(PMU, PmuCommand.Short.seconds(1), new Collector());
    assertEquals("CMD_short:1", sent.toString(StandardCharsets.US_ASCII));
  }

  @Test
  void serverClosingMidMessageDeliversCompleteOnesThenReportsThePartial() throws IOException {
    Transport transport =
        mockTransport(new ByteArrayOutputStream(), chunks("This is PMU data 1This is", " PMU d"));
    Collector got = new Collector();
    TruncatedMessageException e =
        assertThrows(
            TruncatedMessageException.class,
            () ->
                PmuClient.builder()
                    .transport(transport)
                    .build()
                    .send(PMU, PmuCommand.Short.seconds(0), got));
    assertEquals(List.of("This is PMU data 1"), got.messages);
    assertEquals("This is PMU d", e.partial());
  }

  @Test
  void digitsSplitAcrossMockedReadsAreJoined() throws IOException {
    Transport transport =
        mockTransport(
            new ByteArrayOutputStream(),
            chunks(
                "This is PMU data 1This is PMU data 2This is PMU data 3This is PMU data 4",
                "This is PMU data 5This is PMU data 6This is PMU data 7This is PMU data 8",
                "This is PMU data 9This is PMU data 1",
                "0This is PMU data 1",
                "1"));
    Collector got = new Collector();
    PmuResult r =
        PmuClient.builder()
            .transport(transport)
            .build()
            .send(PMU, PmuCommand.Short.seconds(0), got);
    assertEquals(PmuMessageDecoderTest.expected(11), got.messages);
    assertEquals(5, r.reads());
  }

  @Test
  void silentServerTimesOutInsteadOfHanging() {
    // A handler that never answers stands for a stalled server.
    Transport stalled =
        InMemoryTransport.builder(
                c -> {
                  try {
                    Thread.sleep(Duration.ofSeconds(30));
                  } catch (InterruptedException ignored) {
                    // ends the session
                  }
                })
            .build();
    PmuClient client =
        PmuClient.builder().transport(stalled).readTimeout(Duration.ofMillis(200)).build();
    assertThrows(
        SocketTimeoutException.class,
        () -> client.send(PMU, new PmuCommand.Floodme(), new Collector()));
  }

  @Test
  void builderRejectsNonsenseAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> PmuClient.builder().bufferSize(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> PmuClient.builder().readTimeout(Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> PmuClient.builder().transport(null));
  }

  private static String[] chunks(String... chunks) {
    return chunks;
  }

  @Test
  void aStreamThatKeepsReturningZeroEndsAsAClearErrorInsteadOfSpinning() throws IOException {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() {
            return 0;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return 0; // breaks InputStream's contract: no data, no end, no blocking
          }
        };
    Connection connection = mock(Connection.class);
    when(connection.input()).thenReturn(broken);
    when(connection.output()).thenReturn(new ByteArrayOutputStream());
    PmuClient client = PmuClient.builder().transport(endpoint -> connection).build();
    IOException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                assertThrows(
                    IOException.class,
                    () -> client.send(PMU, PmuCommand.Short.seconds(0), new Collector())));
    assertTrue(e.getMessage().contains("returned 0 bytes 1000 times in a row"), e.getMessage());
  }

  @Test
  void aLambdaListenerReceivesEveryMessage() throws IOException {
    Transport transport =
        mockTransport(new ByteArrayOutputStream(), chunks("This is PMU data 1This is PMU data 2"));
    List<String> got = new ArrayList<>();
    PmuClient.builder()
        .transport(transport)
        .build()
        .send(PMU, PmuCommand.Short.seconds(0), PmuListener.forMessages(got::add));
    assertEquals(PmuMessageDecoderTest.expected(2), got);
  }

  @Test
  void aPlainMockitoMockOfTheListenerSeesOnMessageAndOnText() throws IOException {
    // The trap of old: the clients called onMessageBytes, whose default (stubbed away by a plain
    // mock) was what called onMessage, so verify(listener).onMessage(...) saw nothing.
    PmuListener listener = mock(PmuListener.class);
    PmuClient.builder()
        .transport(mockTransport(new ByteArrayOutputStream(), chunks("This is PMU data 1")))
        .build()
        .send(PMU, PmuCommand.Short.seconds(0), listener);
    verify(listener).onMessage("This is PMU data 1");
    PmuListener flood = mock(PmuListener.class);
    PmuClient.builder()
        .transport(mockTransport(new ByteArrayOutputStream(), chunks("h\u00e9")))
        .build()
        .send(PMU, PmuCommand.parse("CMD_floodme"), flood);
    verify(flood).onText("h\u00e9");
  }

  /**
   * A transport whose connection (a Mockito mock) reads the given chunks, one per read, then EOF.
   */
  private static Transport mockTransport(ByteArrayOutputStream sent, String[] chunks)
      throws IOException {
    Connection connection = mock(Connection.class);
    when(connection.input()).thenReturn(ScriptedInputStream.of(chunks));
    when(connection.output()).thenReturn(sent);
    return endpoint -> connection;
  }

  @Test
  void theClientsReadTimeoutReplacesTheTransportsOnEveryConnection() throws Exception {
    Connection connection = mock(Connection.class);
    when(connection.input()).thenReturn(ScriptedInputStream.of("This is PMU data 1"));
    when(connection.output()).thenReturn(new ByteArrayOutputStream());
    PmuClient.builder()
        .transport(endpoint -> connection)
        .readTimeout(Duration.ofSeconds(7))
        .build()
        .send(
            new Endpoint("pmu.test", 5003), PmuCommand.parse("CMD_short:2"), new PmuListener() {});
    verify(connection).setReadTimeout(Duration.ofSeconds(9)); // 7 s of silence + the 2 s pause
  }

  @Test
  void changingTheBuilderAfterBuildChangesNothingOfTheClient() throws Exception {
    Connection connection = mock(Connection.class);
    when(connection.input()).thenReturn(ScriptedInputStream.of("This is PMU data 1"));
    when(connection.output()).thenReturn(new ByteArrayOutputStream());
    PmuClient.Builder builder =
        PmuClient.builder().transport(endpoint -> connection).readTimeout(Duration.ofSeconds(7));
    PmuClient built = builder.build();
    builder.readTimeout(Duration.ofSeconds(1)).transport(endpoint -> fail("the old transport"));
    built.send(
        new Endpoint("pmu.test", 5003), PmuCommand.parse("CMD_short:0"), new PmuListener() {});
    verify(connection).setReadTimeout(Duration.ofSeconds(7));
  }

  @Test
  void aMockedConnectionWithoutOutputStubbedFailsSayingWhatToStub() throws Exception {
    Connection connection = mock(Connection.class);
    when(connection.input()).thenReturn(ScriptedInputStream.of("This is PMU data 1"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                PmuClient.builder()
                    .transport(endpoint -> connection)
                    .build()
                    .send(PMU, PmuCommand.parse("CMD_short:0"), new PmuListener() {}));
    assertTrue(e.getMessage().contains("when(connection.output())"), e.getMessage());
  }
}
