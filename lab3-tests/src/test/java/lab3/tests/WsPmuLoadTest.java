package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.transport.Endpoint;
import lab3.ws.WsPmuClient;
import lab3.ws.WsPmuServer;
import org.junit.jupiter.api.Test;

/** The WebSocket PMU under many simultaneous clients: every message reaches every client. */
class WsPmuLoadTest {
  static final int CLIENTS = 500;
  static final int MESSAGES = 10;

  @Test
  void fiveHundredSimultaneousClientsEachGetEveryMessageInOrder() throws Exception {
    try (WsPmuServer server =
            WsPmuServer.builder()
                .bindAddress(InetAddress.getLoopbackAddress())
                .port(0)
                .messages(MESSAGES)
                .build()
                .start();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      Endpoint endpoint = new Endpoint("127.0.0.1", server.port());
      WsPmuClient client = WsPmuClient.builder().readTimeout(Duration.ofSeconds(20)).build();
      // d=0.2 keeps every session open for about 2 s, so all of them overlap.
      PmuCommand command = PmuCommand.parse("CMD_short:0.2");
      CountDownLatch ready = new CountDownLatch(CLIENTS);
      CountDownLatch go = new CountDownLatch(1);
      ConcurrentHashMap<Integer, Integer> peak = new ConcurrentHashMap<>();
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        results.add(
            clients.submit(
                () -> {
                  List<String> got = new ArrayList<>();
                  ready.countDown();
                  go.await();
                  PmuResult r =
                      client.send(
                          endpoint,
                          command,
                          new PmuListener() {
                            @Override
                            public void onMessage(String message) {
                              got.add(message);
                              peak.merge(0, server.activeSessions(), Math::max);
                            }
                          });
                  assertEquals(MESSAGES, r.reads());
                  return got;
                }));
      }
      assertTrue(ready.await(20, TimeUnit.SECONDS));
      go.countDown();
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= MESSAGES; i++) {
        expected.add("This is PMU data " + i);
      }
      for (Future<List<String>> result : results) {
        assertEquals(expected, result.get(30, TimeUnit.SECONDS));
      }
      assertTrue(
          peak.get(0) > CLIENTS / 10,
          "the sessions overlapped: at most " + peak.get(0) + " were open at once");
    }
  }
}
