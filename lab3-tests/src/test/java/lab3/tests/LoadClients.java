package lab3.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuMessageDecoder;

/**
 * The client side of a PMU load test, run as a child JVM so that each process stays within its
 * open-file limit (10,000 sessions hold 10,000 sockets at each end). Opens every connection first,
 * prints {@code connected N}, waits for {@code go} on stdin so that every session is open at once,
 * then sends the command on every connection, checks that each answer is {@code This is PMU data
 * 1..n} in order, and prints {@code done sessions=S complete=C messages=M}. Failures, at most ten,
 * go to stderr.
 *
 * <p>{@code java lab3.tests.LoadClients <host> <port> <sessions> <command> <n>}
 */
public final class LoadClients {
  private LoadClients() {}

  public static void main(String[] args) throws Exception {
    InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
    int sessions = Integer.parseInt(args[2]);
    byte[] command = args[3].getBytes(StandardCharsets.US_ASCII);
    long n = Long.parseLong(args[4]);

    Queue<String> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch connected = new CountDownLatch(sessions);
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(sessions);
    AtomicLong complete = new AtomicLong();
    AtomicLong messages = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (Socket socket = new Socket()) {
                      try {
                        socket.connect(server, 60_000);
                      } finally {
                        connected.countDown();
                      }
                      go.await();
                      socket.setSoTimeout(60_000);
                      socket.getOutputStream().write(command);
                      long got = readAnswer(socket.getInputStream(), n);
                      messages.addAndGet(got);
                      complete.incrementAndGet();
                    } catch (Exception e) {
                      if (failures.size() < 10) {
                        failures.add(e.toString());
                      }
                    } finally {
                      finished.countDown();
                    }
                  }));
    }
    connected.await();
    System.out.println("connected " + (sessions - failures.size()));
    System.out.flush();
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    String line = stdin.readLine();
    if (!"go".equals(line)) {
      System.exit(3);
    }
    go.countDown();
    finished.await();
    failures.forEach(System.err::println);
    System.out.println(
        "done sessions=" + sessions + " complete=" + complete + " messages=" + messages);
    System.out.flush();
  }

  /** Reads one answer to its end; every message must be the next number in order. */
  private static long readAnswer(InputStream in, long n) throws IOException {
    PmuMessageDecoder decoder = new PmuMessageDecoder();
    long[] next = {1};
    PmuListener listener =
        new PmuListener() {
          @Override
          public void onMessage(String message) throws IOException {
            if (!message.equals(PmuMessageDecoder.PREFIX + next[0])) {
              throw new IOException("expected message " + next[0] + ", got '" + message + "'");
            }
            next[0]++;
          }
        };
    byte[] buf = new byte[4096];
    for (int r; (r = in.read(buf)) >= 0; ) {
      decoder.decode(buf, 0, r, listener);
    }
    decoder.finish(listener);
    if (decoder.messages() != n) {
      throw new IOException("expected " + n + " messages, got " + decoder.messages());
    }
    return n;
  }
}
