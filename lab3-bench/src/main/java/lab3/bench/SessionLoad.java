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
import lab3.transport.Connection;
import lab3.transport.Endpoint;
import lab3.transport.TcpTransport;

/**
 * The load generator of benchmark 4, and of benchmark 3 where there is no C compiler: many {@link
 * PmuClient} sessions against one PMU emulator, each one checked (every message arrives, in order).
 * Benchmark 3 and {@code bench/verdicts} open their class with {@code bench/sessions.c} instead,
 * which takes far less of the CPU that the server it measures needs.
 *
 * <ul>
 *   <li>{@code hold HOST PORT SESSIONS MESSAGES}: opens every session at once with {@code
 *       CMD_short:1} (the server must send MESSAGES per session) and waits for all of them: how
 *       long it took, how many were open at the same time, when the last one got its first message
 *       ({@code all_open}: the run cannot end before that plus the pauses), and on stderr how many
 *       sessions connected, got their first message and ended in each 250 ms.
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
  private final ThreadLocal<int[]> sessionIndex = ThreadLocal.withInitial(() -> new int[] {-1});
  private final PmuClient client;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  /** hold: when each session got its first message and when it ended (ns since the start). */
  private final long[] firstMessageAt;

  private final long[] connectedAt;
  private final long[] endedAt;
  private volatile long start;

  /** rate: the client as part2 builds it (64 KiB reads), as the C reader it is compared with. */
  SessionLoad(Endpoint endpoint, int expectedMessages) {
    this.endpoint = endpoint;
    this.expectedMessages = expectedMessages;
    this.client = PmuClient.builder().readTimeout(Duration.ofSeconds(60)).build();
    this.firstMessageAt = null;
    this.connectedAt = null;
    this.endedAt = null;
  }

  /**
   * hold: a neutral load generator, the same whichever server it loads. A session reads at most a
   * few hundred bytes, so reads of 1 KiB: 64 KiB each would hold 640 MiB in 10,000 open sessions
   * (the generator's GC and page faults). The transport notes when each session connected.
   */
  SessionLoad(Endpoint endpoint, int expectedMessages, int sessions) {
    this.endpoint = endpoint;
    this.expectedMessages = expectedMessages;
    this.firstMessageAt = new long[sessions];
    this.connectedAt = new long[sessions];
    this.endedAt = new long[sessions];
    TcpTransport tcp = TcpTransport.create();
    this.client =
        PmuClient.builder()
            .readTimeout(Duration.ofSeconds(60))
            .bufferSize(1024)
            .transport(
                to -> {
                  Connection connection = tcp.open(to);
                  int index = sessionIndex.get()[0];
                  if (index >= 0) {
                    connectedAt[index] = System.nanoTime() - start;
                  }
                  return connection;
                })
            .build();
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
      load = new SessionLoad(endpoint, Integer.parseInt(args[4]), (int) sessions);
      start = System.nanoTime();
      load.start = start;
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
        "sessions=%d completed=%d failed=%d max_open=%d ms=%d%s%n",
        sessions,
        load.completed.get(),
        load.failures.get(),
        load.maxOpen.get(),
        ms,
        load.timeline());
    err.print(load.histogram());
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
      int index = i;
      threads.add(Thread.ofVirtual().start(() -> session(command, index)));
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
                      session(command, -1);
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  private void session(PmuCommand command, int index) {
    InOrder check = new InOrder(index);
    if (index >= 0) {
      sessionIndex.get()[0] = index;
    }
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
      if (index >= 0) {
        endedAt[index] = System.nanoTime() - start;
      }
    }
  }

  /**
   * hold: when the sessions started answering and ended, in ms since the start: {@code
   * first_msg_p50}, {@code all_open} (the last session's first message), {@code first_end}, {@code
   * end_p50}; empty for rate. With every session opened at once, the run cannot end before {@code
   * all_open} plus the pauses: the time to open them all is what the run spends above the floor.
   */
  String timeline() {
    if (firstMessageAt == null) {
      return "";
    }
    long[] first = firstMessageAt.clone();
    long[] ended = endedAt.clone();
    java.util.Arrays.sort(first);
    java.util.Arrays.sort(ended);
    return String.format(
        " first_msg_p50=%d all_open=%d first_end=%d end_p50=%d",
        first[first.length / 2] / 1_000_000,
        first[first.length - 1] / 1_000_000,
        ended[0] / 1_000_000,
        ended[ended.length / 2] / 1_000_000);
  }

  /** hold: how many sessions connected, got their first message, ended, per 250 ms (stderr). */
  String histogram() {
    if (firstMessageAt == null) {
      return "";
    }
    int buckets = 0;
    for (long t : endedAt) {
      buckets = Math.max(buckets, (int) (t / 250_000_000L) + 1);
    }
    int[][] counts = new int[3][buckets];
    long[][] times = {connectedAt, firstMessageAt, endedAt};
    for (int k = 0; k < 3; k++) {
      for (long t : times[k]) {
        counts[k][Math.min(buckets - 1, (int) (t / 250_000_000L))]++;
      }
    }
    StringBuilder text = new StringBuilder("ms\tconnected\tfirst message\tended\n");
    for (int b = 0; b < buckets; b++) {
      text.append(b * 250)
          .append('\t')
          .append(counts[0][b])
          .append('\t')
          .append(counts[1][b])
          .append('\t')
          .append(counts[2][b])
          .append('\n');
    }
    return text.toString();
  }

  /**
   * Checks that message k is "This is PMU data k"; counts a session open from its first message.
   */
  private final class InOrder implements PmuListener {
    final int index;
    int received;

    InOrder(int index) {
      this.index = index;
    }

    @Override
    public void onMessage(String message) throws IOException {
      if (!message.equals(PmuMessageDecoder.PREFIX + (received + 1))) {
        throw new ProtocolException("expected message " + (received + 1) + ", got " + message);
      }
      if (received++ == 0) {
        if (index >= 0) {
          firstMessageAt[index] = System.nanoTime() - start;
        }
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      }
    }
  }
}
