package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import lab3.pmu.FloodText;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.pmu.PmuServer;
import lab3.transport.Endpoint;
import lab3.transport.Family;
import lab3.transport.TcpTransport;
import org.junit.jupiter.api.Test;

/** PmuClient against PmuServer on real sockets over ::1. */
class Part2IntegrationTest {
  private static final InetAddress V6 = loopback6();

  private static InetAddress loopback6() {
    try {
      return InetAddress.getByName("::1");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> expected(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "This is PMU data " + i).toList();
  }

  private static final PmuClient IPV6 =
      PmuClient.builder().transport(TcpTransport.builder().family(Family.IPV6).build()).build();

  @Test
  void withDZeroEveryMessageArrivesInOrder() throws IOException {
    try (PmuServer pmu =
        PmuServer.builder().bindAddress(V6).port(0).messages(500).build().start()) {
      List<String> got = new ArrayList<>();
      PmuResult r =
          IPV6.send(
              new Endpoint("::1", pmu.port()), PmuCommand.Short.seconds(0), collect(got, null));
      assertEquals(expected(500), got);
      assertTrue(r.reads() < 500, "TCP coalesces d=0 messages: " + r.reads() + " reads");
    }
  }

  @Test
  void withDOneMessagesArriveSpreadOverTimeAndEachIsShownWhenItArrives() throws IOException {
    try (PmuServer pmu = PmuServer.builder().bindAddress(V6).port(0).messages(3).build().start()) {
      List<String> got = new ArrayList<>();
      List<Long> at = new ArrayList<>();
      PmuResult r =
          IPV6.send(new Endpoint("::1", pmu.port()), PmuCommand.Short.seconds(1), collect(got, at));
      assertEquals(expected(3), got);
      assertEquals(3, r.reads(), "one segment per message when they are a second apart");
      // Message i is delivered when it arrives, not when message i+1 (a second later) does.
      long firstToLastMs = (at.get(2) - at.get(0)) / 1_000_000;
      assertTrue(firstToLastMs >= 1800, "messages spread over ~2 s, got " + firstToLastMs + " ms");
      long lastToEndMs = r.elapsed().toMillis() - (at.get(2) - at.get(0)) / 1_000_000;
      assertTrue(lastToEndMs < r.elapsed().toMillis(), "sanity");
    }
  }

  @Test
  void floodmeOfTenMebibytesArrivesByteForByte() throws IOException {
    FloodText text = FloodText.generated(10 * 1024 * 1024);
    try (PmuServer pmu =
        PmuServer.builder().bindAddress(V6).port(0).floodText(text).build().start()) {
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      PmuResult r =
          IPV6.send(
              new Endpoint("::1", pmu.port()),
              new PmuCommand.Floodme(),
              new PmuListener() {
                @Override
                public void onText(CharSequence chunk) {
                  got.writeBytes(chunk.toString().getBytes(StandardCharsets.UTF_8));
                }
              });
      assertArrayEquals(text.bytes(), got.toByteArray());
      assertEquals(text.size(), r.bytes());
      assertTrue(r.reads() > 1, "one send() but many recv()s");
    }
  }

  @Test
  void thousandSimultaneousSessionsLoseAndReorderNothing() throws Exception {
    int sessions = 1000;
    try (PmuServer pmu = PmuServer.builder().bindAddress(V6).port(0).messages(20).build().start();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Endpoint endpoint = new Endpoint("::1", pmu.port());
      CountDownLatch allConnected = new CountDownLatch(sessions);
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        results.add(
            pool.submit(
                () -> {
                  List<String> got = new ArrayList<>();
                  allConnected.countDown();
                  IPV6.send(endpoint, PmuCommand.parse("CMD_short:0.05"), collect(got, null));
                  return got;
                }));
      }
      for (Future<List<String>> result : results) {
        assertEquals(expected(20), result.get());
      }
    }
  }

  private static PmuListener collect(List<String> messages, List<Long> times) {
    return new PmuListener() {
      @Override
      public void onMessage(String message) {
        messages.add(message);
        if (times != null) {
          times.add(System.nanoTime());
        }
      }
    };
  }
}
