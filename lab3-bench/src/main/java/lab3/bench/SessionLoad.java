package lab3.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuMessageDecoder;
import lab3.transport.Endpoint;

/**
 * The load generator of benchmarks 3 and 4: many {@link PmuClient} sessions against one PMU
 * emulator, each one checked (every message arrives, in order).
 *
 * <ul>
 *   <li>{@code hold HOST PORT SESSIONS MESSAGES}: opens every session at once with {@code
 *       CMD_short:1} (the server must send MESSAGES per session) and waits for all of them: how
 *       long it took, and how many were open at the same time.
 *   <li>{@code rate HOST PORT CLIENTS SESSIONS MESSAGES [WARMUP]}: CLIENTS threads each run
 *       SESSIONS short sessions ({@code CMD_short:0}) one after the other: sessions per second.
 *       WARMUP sessions per client run first, untimed, so that both JITs have compiled the path.
 * </ul>
 *
 * <p>Prints one line of {@code key=value} figures on stdout; exits 1 if any session failed (the
 * first failure goes to stderr).
 */
public final class SessionLoad {
  private final Endpoint endpoint;
  private final int expectedMessages;
  private final PmuClient client = PmuClient.builder().readTimeout(Duration.ofSeconds(60)).build();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  SessionLoad(Endpoint endpoint, int expectedMessages) {
    this.endpoint = endpoint;
    this.expectedMessages = expectedMessages;
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one load as {@link #main} would, printing to the given streams; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    if (args.length < 5 || !(args[0].equals("hold") || args[0].equals("rate"))) {
      err.println(
          "usage: SessionLoad hold HOST PORT SESSIONS MESSAGES\n"
              + "       SessionLoad rate HOST PORT CLIENTS SESSIONS MESSAGES [WARMUP]");
      return 2;
    }
    Endpoint endpoint = new Endpoint(args[1], Integer.parseInt(args[2]));
    SessionLoad load;
    long sessions;
    long start;
    if (args[0].equals("hold")) {
      sessions = Integer.parseInt(args[3]);
      load = new SessionLoad(endpoint, Integer.parseInt(args[4]));
      start = System.nanoTime();
      load.hold((int) sessions);
    } else {
      int clients = Integer.parseInt(args[3]);
      int each = Integer.parseInt(args[4]);
      sessions = (long) clients * each;
      if (args.length > 6) {
        SessionLoad warmUp = new SessionLoad(endpoint, Integer.parseInt(args[5]));
        warmUp.rate(clients, Integer.parseInt(args[6]));
        if (warmUp.failures.get() > 0) {
          err.println("warm-up failed: " + warmUp.firstFailure.get());
          return 1;
        }
      }
      load = new SessionLoad(endpoint, Integer.parseInt(args[5]));
      start = System.nanoTime();
      load.rate(clients, each);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    out.printf(
        "sessions=%d completed=%d failed=%d max_open=%d ms=%d%n",
        sessions, load.completed.get(), load.failures.get(), load.maxOpen.get(), ms);
    if (load.failures.get() > 0) {
      err.println("first failure: " + load.firstFailure.get());
      return 1;
    }
    return 0;
  }

  /** Every session at once, each on its own virtual thread, each with CMD_short:1. */
  void hold(int sessions) throws InterruptedException {
    PmuCommand command = PmuCommand.parse("CMD_short:1");
    List<Thread> threads = new ArrayList<>(sessions);
    for (int i = 0; i < sessions; i++) {
      threads.add(Thread.ofVirtual().start(() -> session(command)));
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  /** {@code clients} threads, each running {@code each} CMD_short:0 sessions in a row. */
  void rate(int clients, int each) throws InterruptedException {
    PmuCommand command = PmuCommand.parse("CMD_short:0");
    List<Thread> threads = new ArrayList<>(clients);
    for (int c = 0; c < clients; c++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < each; i++) {
                      session(command);
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  private void session(PmuCommand command) {
    InOrder check = new InOrder();
    try {
      client.send(endpoint, command, check);
      if (check.received != expectedMessages) {
        throw new ProtocolException(check.received + " messages instead of " + expectedMessages);
      }
      completed.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      failures.incrementAndGet();
      firstFailure.compareAndSet(null, e.toString());
    } finally {
      if (check.received > 0) {
        open.decrementAndGet();
      }
    }
  }

  /**
   * Checks that message k is "This is PMU data k"; counts a session open from its first message.
   */
  private final class InOrder implements PmuListener {
    int received;

    @Override
    public void onMessage(String message) throws IOException {
      if (!message.equals(PmuMessageDecoder.PREFIX + (received + 1))) {
        throw new ProtocolException("expected message " + (received + 1) + ", got " + message);
      }
      if (received++ == 0) {
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      }
    }
  }
}
