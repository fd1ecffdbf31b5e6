package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import lab3.pmu.FloodText;
import lab3.ws.WsPmuServer;
import org.junit.jupiter.api.Test;

/**
 * The emulator seen through the JDK's own WebSocket client, which reports frames as they come
 * (partial messages) and their type: an independent check of what the server puts on the wire.
 */
class WsPmuServerTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** What the JDK client saw: every frame's type, size and "last" flag, then the close. */
  private static final class Recorder implements WebSocket.Listener {
    final List<String> frames = new CopyOnWriteArrayList<>();
    final StringBuilder data = new StringBuilder();
    final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    final java.util.concurrent.CountDownLatch firstFrame =
        new java.util.concurrent.CountDownLatch(1);

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence text, boolean last) {
      frames.add("text " + last);
      firstFrame.countDown();
      data.append(text);
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer bytes, boolean last) {
      frames.add("binary " + last);
      firstFrame.countDown();
      byte[] piece = new byte[bytes.remaining()];
      bytes.get(piece);
      binary.writeBytes(piece); // a frame may end inside a character: decode the whole message
      if (last) {
        data.append(binary.toString(StandardCharsets.UTF_8));
        binary.reset();
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      closed.complete(code + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.completeExceptionally(error);
    }
  }

  /** Opens a WebSocket to {@code path} on the server with the JDK's client. */
  private static WebSocket connect(
      HttpClient http, WsPmuServer server, String path, Recorder recorder) throws Exception {
    return http.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + path), recorder)
        .get(10, TimeUnit.SECONDS);
  }

  private static Recorder session(WsPmuServer server, String command) throws Exception {
    Recorder recorder = new Recorder();
    try (JdkClient client = JdkClient.create()) {
      WebSocket ws = connect(client.http(), server, "/", recorder);
      if (command != null) {
        ws.sendText(command, true).get(10, TimeUnit.SECONDS);
      }
      recorder.closed.get(20, TimeUnit.SECONDS);
      ws.abort();
    }
    return recorder;
  }

  private static WsPmuServer.Builder emulator() {
    return WsPmuServer.builder().bindAddress(LOOPBACK).port(0);
  }

  @Test
  void shortSendsOneBinaryFramePerMessageThenClosesNormally() throws Exception {
    try (WsPmuServer server = emulator().messages(3).build().start()) {
      Recorder r = session(server, "CMD_short:0");
      assertEquals(List.of("binary true", "binary true", "binary true"), r.frames);
      assertEquals("This is PMU data 1This is PMU data 2This is PMU data 3", r.data.toString());
      assertEquals("1000 done", r.closed.get());
    }
  }

  /**
   * CMD_short:0 queues its messages in Jetty's batch buffer and writes them in bursts: each still
   * arrives as a frame of its own, whole and in order, across the bursts' boundaries (513 = two
   * bursts of 256 and one more), in binary and in text frames, and when frames are cut (messages
   * longer than the frame size are sent one by one).
   */
  @Test
  void shortZeroInBurstsKeepsOneFramePerMessageInOrder() throws Exception {
    int n = 513;
    StringBuilder expected = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      expected.append("This is PMU data ").append(i);
    }
    for (boolean text : new boolean[] {false, true}) {
      try (WsPmuServer server = emulator().messages(n).textFrames(text).build().start()) {
        Recorder r = session(server, "CMD_short:0");
        assertEquals(n, r.frames.size(), "one frame per message");
        assertEquals(
            List.of((text ? "text" : "binary") + " true"), r.frames.stream().distinct().toList());
        assertEquals(expected.toString(), r.data.toString());
        assertEquals("1000 done", r.closed.get());
      }
    }
    try (WsPmuServer server = emulator().messages(n).frameBytes(10).build().start()) {
      Recorder r = session(server, "CMD_short:0");
      assertEquals(expected.toString(), r.data.toString());
      assertEquals("1000 done", r.closed.get());
    }
  }

  @Test
  void textFramesOptionSendsTextFrames() throws Exception {
    try (WsPmuServer server = emulator().messages(2).textFrames(true).build().start()) {
      Recorder r = session(server, "CMD_short:0");
      assertEquals(List.of("text true", "text true"), r.frames);
    }
  }

  @Test
  void frameBytesCutsTheFloodIntoManyFramesOfOneMessage() throws Exception {
    FloodText flood = FloodText.generated(10_000);
    try (WsPmuServer server = emulator().floodText(flood).frameBytes(1000).build().start()) {
      Recorder r = session(server, "CMD_floodme");
      assertTrue(r.frames.size() >= 10, "10 frames of 1000 bytes at least: " + r.frames);
      assertEquals("binary true", r.frames.getLast());
      assertTrue(
          r.frames.subList(0, r.frames.size() - 1).stream().allMatch("binary false"::equals));
      assertEquals(new String(flood.bytes(), StandardCharsets.UTF_8), r.data.toString());
    }
  }

  @Test
  void aBadCommandGetsPolicyViolationWithTheReason() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (WsPmuServer server = emulator().log(log::add).build().start()) {
      Recorder r = session(server, "CMD_bogus");
      assertTrue(r.frames.isEmpty());
      String close = r.closed.get();
      assertTrue(close.startsWith("1008 unknown command 'CMD_bogus'"), close);
    }
    assertTrue(log.stream().anyMatch(l -> l.contains("refused: unknown command")), log.toString());
  }

  @Test
  void aClientSilentPastTheCommandTimeoutGetsPolicyViolation() throws Exception {
    try (WsPmuServer server = emulator().commandTimeout(Duration.ofMillis(300)).build().start()) {
      Recorder r = session(server, null);
      assertEquals("1008 no command within 300 ms", r.closed.get());
    }
  }

  @Test
  void aCommandInABinaryMessageIsAcceptedToo() throws Exception {
    try (WsPmuServer server = emulator().messages(1).build().start()) {
      Recorder recorder = new Recorder();
      try (JdkClient client = JdkClient.create()) {
        WebSocket ws = connect(client.http(), server, "/any/path", recorder);
        ws.sendBinary(ByteBuffer.wrap("CMD_short:0".getBytes(StandardCharsets.US_ASCII)), true);
        assertEquals("1000 done", recorder.closed.get(10, TimeUnit.SECONDS));
        ws.abort();
      }
      assertEquals("This is PMU data 1", recorder.data.toString());
    }
  }

  @Test
  void aPlainHttpRequestGets426WithOneLine() throws Exception {
    try (WsPmuServer server = emulator().build().start();
        JdkClient client = JdkClient.create()) {
      HttpResponse<String> response =
          client
              .http()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(426, response.statusCode());
      assertEquals("websocket", response.headers().firstValue("Upgrade").orElse(""));
      assertTrue(response.body().startsWith("This is a WebSocket PMU"), response.body());
      assertEquals(1, response.body().lines().count());
    }
  }

  @Test
  void aTakenPortIsABindExceptionNamingIt() throws Exception {
    try (WsPmuServer first = emulator().build().start()) {
      WsPmuServer second = emulator().port(first.port()).build();
      BindException e = assertThrows(BindException.class, second::start);
      assertTrue(e.getMessage().contains(String.valueOf(first.port())), e.getMessage());
    }
  }

  @Test
  void closeSendsGoingAwayToSessionsThatArePausing() throws Exception {
    WsPmuServer server = emulator().messages(3).build().start();
    Recorder recorder = new Recorder();
    try (JdkClient client = JdkClient.create()) {
      WebSocket ws = connect(client.http(), server, "/", recorder);
      ws.sendText("CMD_short:3600", true).get(10, TimeUnit.SECONDS);
      assertTrue(recorder.firstFrame.await(10, TimeUnit.SECONDS));
      assertEquals(1, server.activeSessions());
      server.close();
      // the session ends with a close frame, instead of waiting an hour: a connection dropped
      // without one is what the JDK's client may miss when it comes right after a frame
      String closed = recorder.closed.get(10, TimeUnit.SECONDS);
      assertTrue(closed.startsWith("1001 "), closed); // going away
      ws.abort();
    }
    assertEquals(1, recorder.frames.size());
  }

  @Test
  void builderRejectsBadValues() {
    assertThrows(IllegalArgumentException.class, () -> WsPmuServer.builder().port(70000));
    assertThrows(IllegalArgumentException.class, () -> WsPmuServer.builder().messages(0));
    assertThrows(IllegalArgumentException.class, () -> WsPmuServer.builder().messages(5, 4));
    assertThrows(IllegalArgumentException.class, () -> WsPmuServer.builder().frameBytes(-1));
    assertThrows(
        IllegalArgumentException.class, () -> WsPmuServer.builder().commandTimeout(Duration.ZERO));
  }

  @Test
  void startedTwiceIsAnError() throws IOException {
    try (WsPmuServer server = emulator().build().start()) {
      assertThrows(IllegalStateException.class, server::start);
    }
  }
}
