package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lab3.pmu.PmuServer;
import org.junit.jupiter.api.Test;

/**
 * Slowloris against the PMU emulator: a thousand clients connect and send nothing, or one byte a
 * second. Everybody else is still served meanwhile, and each idle client is dropped with an {@code
 * ERROR} line once the command time-out has passed since it connected (a time-out per read would
 * let the one-byte-a-second clients stay for ever).
 */
class PmuSlowlorisTest {
  private static final int SILENT = 950;
  private static final int DRIPPING = 50;
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void idleClientsAreDroppedAfterTheCommandTimeoutWhileOthersAreServed() throws Exception {
    try (PmuServer pmu =
            PmuServer.builder()
                .bindAddress(InetAddress.getByName("::1"))
                .port(0)
                .messages(20)
                .commandTimeout(COMMAND_TIMEOUT)
                .build()
                .start();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Socket> idle = new ArrayList<>();
      try {
        for (int i = 0; i < SILENT + DRIPPING; i++) {
          Socket socket = new Socket("::1", pmu.port());
          socket.setSoTimeout((int) PATIENCE.toMillis()); // a safety net, not a measure
          idle.add(socket);
        }
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < idle.size(); i++) {
          Socket socket = idle.get(i);
          if (i >= SILENT) {
            threads.submit(() -> drip(socket, "CMD_short:0"));
          }
          answers.add(threads.submit(() -> readAll(socket)));
        }

        // Meanwhile, the rest of the class works as usual.
        for (int i = 0; i < 20; i++) {
          CommandRun run = CommandRun.of("part2", "::1", "" + pmu.port(), "CMD_short:0");
          assertEquals(0, run.status(), run.stderr());
          assertEquals(20, run.out().lines().count());
        }

        String expected = "ERROR no command within " + COMMAND_TIMEOUT.toMillis() + " ms\n";
        for (int i = 0; i < answers.size(); i++) {
          String answer = answers.get(i).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
          assertEquals(expected, answer, (i < SILENT ? "silent" : "dripping") + " client " + i);
        }
      } finally {
        for (Socket s : idle) {
          s.close();
        }
      }
      assertEquals(0, ProcessResources.awaitAtMost(pmu::activeSessions, 0, PATIENCE));
    }
  }

  /** Sends {@code text} one byte a second, until it is all sent or the server has had enough. */
  private static Void drip(Socket socket, String text) throws InterruptedException {
    try {
      OutputStream out = socket.getOutputStream();
      for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
        out.write(b);
        out.flush();
        Thread.sleep(1000); // the attack itself: one byte a second
      }
    } catch (IOException dropped) {
      // what the attack should come to
    }
    return null;
  }

  /** Everything the server sends until it closes. */
  private static String readAll(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(answer.length() < 200, answer);
    return answer;
  }
}
