package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    load(
        sessions,
        "::1",
        List.of(),
        builder -> builder.bindAddress(InetAddress.getByName("::1")).build().start(),
        pmu -> CommandRun.of("part2", "::1", "" + pmu.port(), "CMD_short:0"));
  }

  /** How to start the emulator where the load goes (with the settings the test gives). */
  @FunctionalInterface
  interface Starter {
    PmuServer start(PmuServer.Builder settings) throws Exception;
  }

  /** One session of the part2 command against the emulator, from where the clients run. */
  @FunctionalInterface
  interface WarmUp {
    CommandRun run(PmuServer pmu) throws Exception;
  }

  /**
   * {@code sessions} concurrent sessions from a child JVM started by {@code clientPrefix} (empty,
   * or {@code ip netns exec NS} to run it in another host) against the emulator at {@code host}.
   */
  static void load(
      int sessions, String host, List<String> clientPrefix, Starter starter, WarmUp warmUp)
      throws Exception {
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
        starter.start(
            PmuServer.builder()
                .port(0)
                .messages(MESSAGES)
                .commandTimeout(PATIENCE)
                .log(
                    line -> {
                      if (line.contains("failed") || line.contains("refused")) {
                        failures.add(line);
                      }
                    }))) {
      CommandRun first = warmUp.run(pmu); // one session first: class loading is not a leak
      assertEquals(0, first.status(), first.stderr());
      ProcessResources.Usage before = ProcessResources.Usage.now();
      long start = System.nanoTime();
      try (ChildJvm clients =
          new ChildJvm(
              clientPrefix,
              LoadClients.class,
              host,
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
}
