package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import lab3.pmu.PmuMessageDecoder;
import lab3.ws.WsPmuServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket PMU with every client of a class connected at once: each gets its 20 messages in
 * order and a normal close; afterwards the emulator's sessions, this JVM's descriptors and its
 * threads return to their baseline. The clients are the JDK's own WebSocket client.
 */
class WsLoadTest {
  private static final int MESSAGES = 20;
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @Test
  void threeHundredConcurrentClientsGetEveryMessage() throws Exception {
    load(300);
  }

  @Test
  @Tag("full")
  void twoThousandConcurrentClientsGetEveryMessage() throws Exception {
    load(2_000);
  }

  private static void load(int clients) throws Exception {
    ProcessResources.assumeAvailable();
    List<String> failures = new CopyOnWriteArrayList<>();
    try (WsPmuServer pmu =
        WsPmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .messages(MESSAGES)
            .commandTimeout(PATIENCE)
            .log(
                line -> {
                  if (line.contains("fail") || line.contains("refused")) {
                    failures.add(line);
                  }
                })
            .build()
            .start()) {
      CommandRun warmUp = CommandRun.of("part5", "::1", "" + pmu.port(), "CMD_short:0");
      assertEquals(0, warmUp.status(), warmUp.stderr());
      ProcessResources.Usage before = ProcessResources.Usage.now();
      long start = System.nanoTime();
      ProcessResources.Usage peak;
      try (JdkClient client = JdkClient.create()) {
        HttpClient http = client.http();
        List<JdkWebSocket> sessions = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
          JdkWebSocket session = new JdkWebSocket();
          sessions.add(session);
          sockets.add(
              JdkWebSocket.open(http, pmu.port(), session)
                  .get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
        int open = ProcessResources.awaitAtLeast(pmu::activeSessions, clients, PATIENCE);
        assertEquals(clients, open, "sessions open at once in the emulator");
        peak = ProcessResources.Usage.now();
        for (WebSocket ws : sockets) {
          ws.sendText("CMD_short:0", true);
        }
        List<String> expected =
            IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> PmuMessageDecoder.PREFIX + i).toList();
        for (int i = 0; i < clients; i++) {
          JdkWebSocket.Closed closed =
              sessions.get(i).closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
          assertEquals(expected, closed.messages(), "client " + i);
          assertEquals(1000, closed.code(), "client " + i + ": " + closed.reason());
        }
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      String figures = before.assertRestored(pmu::activeSessions, peak);
      assertEquals(List.of(), failures, "the emulator's log");
      System.out.printf(
          "WebSocket load: %d concurrent clients x %d messages in %d ms; JVM %s%n",
          clients, MESSAGES, millis, figures);
    }
  }
}
