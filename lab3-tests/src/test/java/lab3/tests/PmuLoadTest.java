package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lab3.pmu.PmuServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The PMU emulator under a whole class at once: every session open at the same time, every message
 * delivered in order, and afterwards the emulator's sessions, this JVM's file descriptors and its
 * threads back to where they were. The clients run in a child JVM ({@link LoadClients}), so the
 * descriptors counted here are the emulator's.
 */
class PmuLoadTest {
  private static final int MESSAGES = 20;
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @Test
  void thousandConcurrentSessionsGetEveryMessageInOrderAndLeaveNothingOpen() throws Exception {
    load(1_000);
  }

  @Test
  @Tag("full")
  void tenThousandConcurrentSessionsGetEveryMessageInOrderAndLeaveNothingOpen() throws Exception {
    load(10_000);
  }

  private static void load(int sessions) throws Exception {
    ProcessResources.assumeAvailable();
    long limit = ProcessResources.openFileLimit();
    Assumptions.assumeTrue(
        limit >= sessions + 1_000,
        "ulimit -n is "
            + limit
            + ": "
            + sessions
            + " sessions need at least "
            + (sessions + 1_000)
            + " open files per process (raise it with ulimit -n)");
    List<String> failures = new CopyOnWriteArrayList<>();
    try (PmuServer pmu =
        PmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .messages(MESSAGES)
            .commandTimeout(PATIENCE)
            .log(
                line -> {
                  if (line.contains("failed") || line.contains("refused")) {
                    failures.add(line);
                  }
                })
            .build()
            .start()) {
      warmUp(pmu);
      ProcessResources.Usage before = ProcessResources.Usage.now();
      long start = System.nanoTime();
      try (ChildJvm clients =
          new ChildJvm(
              LoadClients.class,
              "::1",
              "" + pmu.port(),
              "" + sessions,
              "CMD_short:0",
              "" + MESSAGES)) {
        String connected = clients.out().await(l -> l.startsWith("connected "), PATIENCE);
        assertEquals("connected " + sessions, connected, clients.err().lines().toString());
        int open = ProcessResources.awaitAtLeast(pmu::activeSessions, sessions, PATIENCE);
        assertEquals(sessions, open, "sessions open at once in the emulator");
        ProcessResources.Usage peak = ProcessResources.Usage.now();
        clients.writeLine("go");
        String done = clients.out().await(l -> l.startsWith("done "), PATIENCE);
        assertEquals(
            "done sessions="
                + sessions
                + " complete="
                + sessions
                + " messages="
                + sessions * MESSAGES,
            done,
            clients.err().lines().toString());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        String figures = before.assertRestored(pmu::activeSessions, peak);
        assertEquals(List.of(), failures, "the emulator's log");
        System.out.printf(
            "PMU load: %d concurrent sessions x %d messages in %d ms; emulator JVM %s%n",
            sessions, MESSAGES, elapsed.toMillis(), figures);
      }
    }
  }

  /** One session first, so that class loading does not count as a leak. */
  private static void warmUp(PmuServer pmu) throws IOException {
    CommandRun run = CommandRun.of("part2", "::1", "" + pmu.port(), "CMD_short:0");
    assertEquals(0, run.status(), run.stderr());
  }
}
