package lab3.ws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab3.pmu.FloodText;
import lab3.pmu.PmuByteListener;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WsPmuClientTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private final WsPmuClient client =
      WsPmuClient.builder().readTimeout(Duration.ofSeconds(10)).build();

  private static WsPmuServer.Builder emulator() {
    return WsPmuServer.builder().bindAddress(LOOPBACK).port(0);
  }

  private static Endpoint at(WsPmuServer server) {
    return new Endpoint("127.0.0.1", server.port());
  }

  /** Collects what a listener receives. */
  private static final class Collector implements PmuListener {
    final List<String> messages = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    @Override
    public void onMessage(String message) {
      messages.add(message);
    }

    @Override
    public void onText(CharSequence piece) {
      text.append(piece);
    }
  }

  /** Records the calls a listener receives, in order: "m:TEXT" per message, "flush" per flush. */
  private static final class Recorder implements PmuListener {
    final List<String> calls = new ArrayList<>();

    @Override
    public void onMessage(String message) {
      calls.add("m:" + message);
    }

    @Override
    public void onText(CharSequence text) {
      calls.add("t:" + text);
    }

    @Override
    public void onReadComplete() {
      calls.add("flush");
    }
  }

  @Test
  void shortZeroDeliversEachMessageOnceInOrderAndFlushesAfterEachBurst() throws IOException {
    try (WsPmuServer server = emulator().messages(2000).build().start()) {
      Recorder listener = new Recorder();
      WsResult r = client.exchange(at(server), PmuCommand.parse("CMD_short:0"), listener);

      List<String> messages = listener.calls.stream().filter(c -> !c.equals("flush")).toList();
      assertEquals(2000, messages.size());
      for (int i = 1; i <= 2000; i++) {
        assertEquals("m:This is PMU data " + i, messages.get(i - 1));
      }
      assertEquals("flush", listener.calls.getLast(), "the last message is flushed");
      for (int i = 1; i < listener.calls.size(); i++) {
        assertTrue(
            !(listener.calls.get(i).equals("flush") && listener.calls.get(i - 1).equals("flush")),
            "a flush only after something was delivered");
      }
      assertTrue(!listener.calls.getFirst().equals("flush"), "no flush before the first message");
      assertEquals(2000, r.pmu().messages());
      assertEquals(2000, r.pmu().reads(), "one on_message call per WebSocket message");
      assertEquals(1000, r.closeCode());
      assertEquals("done", r.closeReason());
    }
  }

  @Test
  void aSocketOpenerCreatesEverySessionsSocketWithItsDescriptorOpen() throws IOException {
    List<String> threads = new ArrayList<>();
    try (WsPmuServer server = emulator().messages(2).build().start();
        WsPmuClient opened =
            WsPmuClient.builder()
                .socketOpener(
                    create -> {
                      threads.add(Thread.currentThread().getName());
                      try {
                        java.net.Socket s = create.call();
                        assertTrue(!s.isConnected() && !s.isClosed(), "unconnected, open");
                        return s;
                      } catch (Exception e) {
                        throw new IOException(e);
                      }
                    })
                .build()) {
      PmuResult r = opened.send(at(server), PmuCommand.parse("CMD_short:0"), new Collector());
      assertEquals(2, r.messages());
      assertEquals(1, threads.size(), "one socket for one session: " + threads);
    }
  }

  @Test
  void shortOneFlushesEachMessageBeforeWaitingForTheNext() throws IOException {
    try (WsPmuServer server = emulator().messages(3).build().start()) {
      Recorder listener = new Recorder();
      client.exchange(at(server), PmuCommand.parse("CMD_short:1"), listener);
      assertEquals(
          List.of(
              "m:This is PMU data 1",
              "flush",
              "m:This is PMU data 2",
              "flush",
              "m:This is PMU data 3",
              "flush"),
          listener.calls,
          "a message that waits for no other is flushed at once");
    }
  }

  @Test
  void asciiBinaryMessagesReachAByteListenerAsTheirBytes() throws IOException {
    try (WsPmuServer server = emulator().messages(3).build().start()) {
      List<String> got = new ArrayList<>();
      PmuListener bytes =
          new PmuByteListener() {
            @Override
            public void onMessageBytes(byte[] ascii, int off, int len) {
              got.add(new String(ascii, off, len, StandardCharsets.US_ASCII));
            }

            @Override
            public void onMessage(String message) {
              got.add("String: " + message);
            }
          };
      client.exchange(at(server), PmuCommand.parse("CMD_short:0"), bytes);
      assertEquals(List.of("This is PMU data 1", "This is PMU data 2", "This is PMU data 3"), got);
    }
  }

  @Test
  void shortOneWaitsBetweenMessagesAndStillDeliversAll() throws IOException {
    try (WsPmuServer server = emulator().messages(3).build().start()) {
      Collector c = new Collector();
      PmuResult r = client.send(at(server), PmuCommand.parse("CMD_short:1"), c);
      assertEquals(
          List.of("This is PMU data 1", "This is PMU data 2", "This is PMU data 3"), c.messages);
      assertEquals(3, r.reads());
      assertTrue(
          r.elapsed().compareTo(Duration.ofMillis(1900)) >= 0,
          "two pauses of 1 s between three messages, took " + r.elapsed());
    }
  }

  @Test
  void floodmeOf16MiBArrivesWholeAsOneMessage() throws IOException {
    FloodText flood = FloodText.generated(16L * 1024 * 1024);
    try (WsPmuServer server = emulator().floodText(flood).build().start()) {
      Collector c = new Collector();
      WsResult r = client.exchange(at(server), PmuCommand.parse("CMD_floodme"), c);
      assertEquals(1, r.pmu().reads(), "one message, one on_message call");
      assertEquals(0, r.pmu().messages());
      assertEquals(flood.size(), r.pmu().bytes());
      assertArrayEquals(flood.bytes(), c.text.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest(name = "text frames: {0}")
  @ValueSource(booleans = {false, true})
  void aMessageCutIntoManyFramesArrivesAsOne(boolean textFrames) throws IOException {
    FloodText flood = FloodText.builtIn(); // has multi-byte characters
    try (WsPmuServer server =
        emulator()
            .floodText(flood)
            .textFrames(textFrames)
            .frameBytes(61)
            .messages(12)
            .build()
            .start()) {
      Collector c = new Collector();
      PmuResult r = client.send(at(server), PmuCommand.parse("CMD_floodme"), c);
      assertEquals(1, r.reads(), "hundreds of frames, one message");
      assertArrayEquals(flood.bytes(), c.text.toString().getBytes(StandardCharsets.UTF_8));

      Collector shorts = new Collector();
      client.send(at(server), PmuCommand.parse("CMD_short:0"), shorts);
      assertEquals(12, shorts.messages.size());
      assertEquals("This is PMU data 12", shorts.messages.getLast());
    }
  }

  @ParameterizedTest(name = "text frames: {0}")
  @ValueSource(booleans = {false, true})
  void textAndBinaryFramesGiveTheSameMessages(boolean textFrames) throws IOException {
    try (WsPmuServer server = emulator().textFrames(textFrames).messages(5).build().start()) {
      Collector c = new Collector();
      client.send(at(server), PmuCommand.parse("CMD_short:0"), c);
      assertEquals(
          List.of(
              "This is PMU data 1",
              "This is PMU data 2",
              "This is PMU data 3",
              "This is PMU data 4",
              "This is PMU data 5"),
          c.messages);
    }
  }

  @Test
  void aMessageOverTheLimitFailsClearly() throws IOException {
    try (WsPmuServer server = emulator().build().start()) {
      WsPmuClient small = WsPmuClient.builder().maxMessageBytes(1000).build();
      PmuListener listener = mock(PmuListener.class);
      ProtocolException e =
          assertThrows(
              ProtocolException.class,
              () -> small.send(at(server), PmuCommand.parse("CMD_floodme"), listener));
      assertTrue(e.getMessage().contains("exceeds the limit of 1000 bytes"), e.getMessage());
      verify(listener, never()).onText(any());
    }
  }

  @Test
  void malformedUtf8InABinaryFloodmeBecomesReplacementCharactersAsTheJdkDecodes(@TempDir Path dir)
      throws IOException {
    // A lone continuation byte, an overlong '/', a surrogate, a cut 4-byte character at the end.
    byte[] bytes =
        concat(
            "Roméo ".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0x80, ' ', (byte) 0xC0, (byte) 0xAF, ' '},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, ' '},
            "ジュ ".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x8E});
    Path file = Files.write(dir.resolve("flood.bin"), bytes);
    try (WsPmuServer server = emulator().floodText(FloodText.fromFile(file)).build().start()) {
      Collector c = new Collector();
      client.exchange(at(server), PmuCommand.parse("CMD_floodme"), c);
      assertEquals(new String(bytes, StandardCharsets.UTF_8), c.text.toString());
    }
  }

  @Test
  void wellFormedFloodmeReachesAByteListenerAsTheSameBytesInPiecesNeverCopiedWhole()
      throws IOException {
    FloodText flood = FloodText.generated(1024 * 1024);
    try (WsPmuServer server = emulator().floodText(flood).build().start()) {
      java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
      int[] calls = {0};
      int[] largest = {0};
      PmuListener bytes =
          new PmuByteListener() {
            @Override
            public void onTextBytes(byte[] utf8, int off, int len) {
              calls[0]++;
              largest[0] = Math.max(largest[0], len);
              got.write(utf8, off, len);
            }
          };
      WsResult r = client.exchange(at(server), PmuCommand.parse("CMD_floodme"), bytes);
      assertArrayEquals(flood.bytes(), got.toByteArray());
      assertEquals(1, r.pmu().reads(), "one message, one on_message call");
      assertTrue(calls[0] > 1 && largest[0] <= 128 * 1024, calls[0] + " pieces of " + largest[0]);
    }
  }

  @Test
  void multiByteFloodmeIsNeverCutInsideACharacterBetweenPieces(@TempDir Path dir)
      throws IOException {
    // 3-byte characters and one 4-byte one per line: the pieces' boundaries, every 8 KiB or so,
    // fall inside characters.
    String line = "ジュリエット 🎭 Roméo\n";
    Path file = Files.writeString(dir.resolve("flood.txt"), line.repeat(40_000));
    byte[] expected = Files.readAllBytes(file);
    try (WsPmuServer server = emulator().floodText(FloodText.fromFile(file)).build().start()) {
      java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
      List<String> badPieces = new ArrayList<>();
      PmuListener bytes =
          new PmuByteListener() {
            @Override
            public void onTextBytes(byte[] utf8, int off, int len) {
              byte[] piece = java.util.Arrays.copyOfRange(utf8, off, off + len);
              if (!java.util.Arrays.equals(
                  piece,
                  new String(piece, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8))) {
                badPieces.add(off + "+" + len);
              }
              got.write(utf8, off, len);
            }

            @Override
            public void onText(CharSequence text) {
              badPieces.add("decoded: " + text);
            }
          };
      client.exchange(at(server), PmuCommand.parse("CMD_floodme"), bytes);
      assertEquals(List.of(), badPieces);
      assertArrayEquals(expected, got.toByteArray());
    }
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @ParameterizedTest(name = "frames of {0} bytes (0: the whole message in one)")
  @ValueSource(ints = {4096, 0})
  void aHugeMessageIsStoppedWhileItIsStillArriving(int frameBytes) throws IOException {
    // In one frame too: the generated text compresses about 150 to 1, so had the client accepted
    // permessage-deflate, the whole 8 MiB would arrive in about 50 KB and pass the early check.
    FloodText flood = FloodText.generated(8L * 1024 * 1024);
    try (WsPmuServer server = emulator().floodText(flood).frameBytes(frameBytes).build().start()) {
      WsPmuClient small = WsPmuClient.builder().maxMessageBytes(1000).build();
      PmuListener listener = mock(PmuListener.class);
      ProtocolException e =
          assertThrows(
              ProtocolException.class,
              () -> small.send(at(server), PmuCommand.parse("CMD_floodme"), listener));
      assertTrue(e.getMessage().contains("exceeds the limit of 1000 bytes"), e.getMessage());
      verify(listener, never()).onText(any());
    }
  }

  @Test
  void aRefusedConnectionIsAConnectException() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
      port = s.getLocalPort();
    }
    ConnectException e =
        assertThrows(
            ConnectException.class,
            () ->
                client.send(
                    new Endpoint("127.0.0.1", port),
                    PmuCommand.parse("CMD_short:0"),
                    mock(PmuListener.class)));
    assertTrue(
        e.getMessage().startsWith("cannot connect to ws://127.0.0.1:" + port + "/"),
        e.getMessage());
  }

  /** What {@code client} throws against a server that misbehaves as {@code script} says. */
  private static <T extends IOException> T failureAgainst(
      ScriptedWsServer.Script script, WsPmuClient client, Class<T> expected) throws IOException {
    try (ScriptedWsServer server = new ScriptedWsServer(script)) {
      return assertThrows(
          expected,
          () ->
              client.send(
                  new Endpoint("127.0.0.1", server.port()),
                  PmuCommand.parse("CMD_short:0"),
                  mock(PmuListener.class)));
    }
  }

  @Test
  void aFailedHandshakeNamesTheServersAnswer() throws IOException {
    ProtocolException e =
        failureAgainst(ScriptedWsServer.Script.ANSWER_404, client, ProtocolException.class);
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
  }

  @Test
  void aWrongAcceptKeyFailsTheHandshakeEvenInAnotherCase() throws IOException {
    ProtocolException e =
        failureAgainst(ScriptedWsServer.Script.WRONG_ACCEPT, client, ProtocolException.class);
    assertTrue(e.getMessage().contains("Sec-WebSocket-Accept"), e.getMessage());
  }

  @Test
  void aConnectionDroppedWithoutCloseFrameIsAnAbnormalClosure() throws IOException {
    EOFException e =
        failureAgainst(ScriptedWsServer.Script.ACCEPT_THEN_DROP, client, EOFException.class);
    assertTrue(e.getMessage().contains("abnormal closure, 1006"), e.getMessage());
  }

  @Test
  void framesSentInTheSameWriteAsThe101AreNotLostInTheHandshake() throws Exception {
    try (ScriptedWsServer server =
        new ScriptedWsServer(ScriptedWsServer.Script.MESSAGE_WITH_THE_101)) {
      Collector c = new Collector();
      WsResult r =
          client.exchange(
              new Endpoint("127.0.0.1", server.port()), PmuCommand.parse("CMD_short:0"), c);
      assertEquals(List.of("This is PMU data 1"), c.messages);
      assertEquals(1000, r.closeCode());
      assertEquals(List.of("close:1000"), server.fromClient(), "the close handshake answered");
    }
  }

  @Test
  void aPingInsideAMessageIsAnsweredTheMessageArrivesWholeAndTheServerEndsTheTcp()
      throws Exception {
    try (ScriptedWsServer server =
        new ScriptedWsServer(ScriptedWsServer.Script.PING_INSIDE_A_MESSAGE)) {
      Collector c = new Collector();
      PmuResult r =
          client.send(new Endpoint("127.0.0.1", server.port()), PmuCommand.parse("CMD_short:0"), c);
      assertEquals(List.of("This is PMU data 1"), c.messages);
      assertEquals(1, r.reads());
      assertEquals(
          List.of("pong:are you there", "close:1000", "the client waited for the server's end"),
          server.fromClient());
    }
  }

  @Test
  void aMaskedFrameFailsTheSessionWithAProtocolErrorTheServerIsTold() throws Exception {
    try (ScriptedWsServer server = new ScriptedWsServer(ScriptedWsServer.Script.MASKED_FRAME)) {
      ProtocolException e =
          assertThrows(
              ProtocolException.class,
              () ->
                  client.send(
                      new Endpoint("127.0.0.1", server.port()),
                      PmuCommand.parse("CMD_short:0"),
                      mock(PmuListener.class)));
      assertTrue(e.getMessage().contains("failed: the server sent a masked frame"), e.getMessage());
      assertEquals(List.of("close:1002"), server.fromClient());
    }
  }

  @Test
  void aSilentServerTimesOutInsteadOfHanging() throws IOException {
    WsPmuClient impatient = WsPmuClient.builder().readTimeout(Duration.ofMillis(300)).build();
    SocketTimeoutException e =
        failureAgainst(
            ScriptedWsServer.Script.ACCEPT_THEN_SILENCE, impatient, SocketTimeoutException.class);
    assertTrue(e.getMessage().matches("no data from ws://.* for 0\\.3 s"), e.getMessage());
  }

  @Test
  void aServerThatNeverAnswersTheHandshakeTimesOutSayingSo() throws IOException {
    WsPmuClient impatient = WsPmuClient.builder().readTimeout(Duration.ofMillis(300)).build();
    SocketTimeoutException e =
        failureAgainst(
            ScriptedWsServer.Script.SILENT_HANDSHAKE, impatient, SocketTimeoutException.class);
    assertTrue(
        e.getMessage().matches("no answer to the WebSocket handshake from ws://.* for 0\\.3 s"),
        e.getMessage());
  }

  @Test
  void aListenerFailureStopsTheSessionAndIsRethrown() throws IOException {
    try (WsPmuServer server = emulator().messages(5).build().start()) {
      PmuListener listener = mock(PmuListener.class); // a plain mock sees onMessage
      IOException boom = new IOException("disk full");
      doThrow(boom).when(listener).onMessage("This is PMU data 2");
      IOException e =
          assertThrows(
              IOException.class,
              () -> client.send(at(server), PmuCommand.parse("CMD_short:0"), listener));
      assertSame(boom, e);
      verify(listener, times(2)).onMessage(anyString());
    }
  }

  @Test
  void anIpv6LiteralEndpointWorks() throws IOException {
    try (WsPmuServer server =
        WsPmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .messages(2)
            .build()
            .start()) {
      Collector c = new Collector();
      client.send(new Endpoint("::1", server.port()), PmuCommand.parse("CMD_short:0"), c);
      assertEquals(2, c.messages.size());
      assertEquals(
          "ws://[::1]:" + server.port() + "/", WsPmuClient.url(new Endpoint("::1", server.port())));
    }
  }

  @Test
  void builderRejectsBadValues() {
    assertThrows(IllegalArgumentException.class, () -> WsPmuClient.builder().maxMessageBytes(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> WsPmuClient.builder().readTimeout(Duration.ofSeconds(-1)));
  }

  @Test
  void clientsBuiltWithDefaultsShareOneOkHttpClient() {
    try (WsPmuClient a = WsPmuClient.builder().build();
        WsPmuClient b = WsPmuClient.builder().readTimeout(Duration.ofSeconds(5)).build()) {
      assertSame(a.http().dispatcher(), b.http().dispatcher());
      assertSame(a.http().connectionPool(), b.http().connectionPool());
    }
  }

  @Test
  void closeCancelsAnOpenSessionAndRefusesNewOnes() throws Exception {
    try (WsPmuServer server = emulator().messages(3).build().start()) {
      WsPmuClient client = WsPmuClient.builder().build();
      java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CompletableFuture<Throwable> outcome =
          new java.util.concurrent.CompletableFuture<>();
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  client.exchange(
                      at(server),
                      PmuCommand.parse("CMD_short:30"),
                      PmuListener.forMessages(m -> first.countDown()));
                  outcome.complete(null);
                } catch (Throwable t) {
                  outcome.complete(t);
                }
              });
      assertTrue(first.await(30, java.util.concurrent.TimeUnit.SECONDS), "no first message");
      client.close(); // the server now pauses 30 s: only the close can end the session early
      Throwable t = outcome.get(20, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(t instanceof IOException, String.valueOf(t));
      assertThrows(
          IllegalStateException.class,
          () -> client.send(at(server), PmuCommand.parse("CMD_short:0"), new Collector()));
    }
  }

  @Test
  void changingTheBuilderAfterBuildChangesNothingOfTheClient() throws IOException {
    WsPmuClient.Builder builder = WsPmuClient.builder().readTimeout(Duration.ofMillis(300));
    try (WsPmuClient built = builder.build()) {
      builder.readTimeout(Duration.ofSeconds(60));
      SocketTimeoutException e =
          failureAgainst(
              ScriptedWsServer.Script.ACCEPT_THEN_SILENCE, built, SocketTimeoutException.class);
      assertTrue(e.getMessage().contains("0.3 s"), e.getMessage());
    }
  }
}
