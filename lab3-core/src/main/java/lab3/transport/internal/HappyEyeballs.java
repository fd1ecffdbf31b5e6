package lab3.transport.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import lab3.transport.Addresses;
import lab3.transport.ConnectAttempt;
import lab3.transport.ConnectAttempt.Outcome;
import lab3.transport.Endpoint;

/**
 * Connects to the first of several addresses that answers, the way RFC 8305 ("Happy Eyeballs
 * Version 2") says: the addresses alternate between IPv6 and IPv4 (IPv6 first), the first attempt
 * starts at once, and each next one starts when the attempt delay has passed since the last one
 * started, or at once when every attempt so far has failed. The first to connect wins; the others
 * are closed. So a name whose IPv6 path silently drops packets costs one attempt delay (250 ms),
 * not the whole connect time-out, while a working IPv6 path still wins whenever it answers within
 * the delay.
 *
 * <p>Blocking sockets, one virtual thread per attempt. Each socket is created (its descriptor
 * opened) on the caller's thread before its attempt starts: a socket belongs to the network
 * namespace of the thread that opens it, and a virtual thread runs on a carrier of the root
 * namespace, so a caller that entered a namespace (netlab's {@code Host.call}) keeps its sockets
 * there. A single address is connected on the caller's thread, with no thread at all.
 *
 * <p>Not done here (the resolver hands over every address at once): RFC 8305's separate AAAA and A
 * queries and its 50 ms resolution delay.
 */
public final class HappyEyeballs {
  private final Endpoint endpoint;
  private final Duration connectTimeout;
  private final Duration attemptDelay;
  private final Consumer<ConnectAttempt> listener;
  private final long start = System.nanoTime();

  private HappyEyeballs(
      Endpoint endpoint,
      Duration connectTimeout,
      Duration attemptDelay,
      Consumer<ConnectAttempt> listener) {
    this.endpoint = endpoint;
    this.connectTimeout = connectTimeout;
    this.attemptDelay = attemptDelay;
    this.listener = listener;
  }

  /**
   * Connects to one of {@code addresses} (at {@code endpoint}'s port) within {@code connectTimeout}
   * (zero: as long as the system tries), telling {@code listener} every attempt's events on this
   * thread.
   *
   * @throws SocketTimeoutException if nothing connected within the time-out
   * @throws ConnectException if every address refused or was unreachable
   * @throws InterruptedIOException if this thread was interrupted while waiting
   */
  public static Socket connect(
      Endpoint endpoint,
      List<InetAddress> addresses,
      Duration connectTimeout,
      Duration attemptDelay,
      Consumer<ConnectAttempt> listener)
      throws IOException {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("no address to connect to");
    }
    return new HappyEyeballs(endpoint, connectTimeout, attemptDelay, listener)
        .race(interleave(addresses));
  }

  /**
   * RFC 8305 section 4: IPv6 and IPv4 alternate, starting with the family of the first address
   * (IPv6 first when both are there), each family keeping its own order.
   */
  public static List<InetAddress> interleave(List<InetAddress> addresses) {
    Deque<InetAddress> v6 = new ArrayDeque<>();
    Deque<InetAddress> v4 = new ArrayDeque<>();
    for (InetAddress a : addresses) {
      (a instanceof Inet6Address ? v6 : v4).add(a);
    }
    List<InetAddress> order = new ArrayList<>(addresses.size());
    boolean six = !v6.isEmpty();
    while (!v6.isEmpty() || !v4.isEmpty()) {
      Deque<InetAddress> from = six && !v6.isEmpty() || v4.isEmpty() ? v6 : v4;
      order.add(from.poll());
      six = !six;
    }
    return order;
  }

  /** One connect in flight: its socket is owned here; its thread only calls connect. */
  private static final class Attempt {
    final int number;
    final InetSocketAddress address;
    final Socket socket;
    volatile IOException failure;

    Attempt(int number, InetSocketAddress address, Socket socket) {
      this.number = number;
      this.address = address;
      this.socket = socket;
    }
  }

  private Socket race(List<InetAddress> order) throws IOException {
    long deadline = start + connectTimeout.toNanos(); // meaningless when unbounded()
    if (order.size() == 1) {
      return alone(new InetSocketAddress(order.getFirst(), endpoint.port()), deadline);
    }
    BlockingQueue<Attempt> finished = new LinkedBlockingQueue<>();
    List<Attempt> running = new ArrayList<>();
    List<Attempt> failed = new ArrayList<>();
    Attempt winner = null;
    long lastStart = 0;
    int next = 0;
    try {
      while (true) {
        long now = System.nanoTime();
        if (next < order.size()
            && (running.isEmpty() || now - lastStart >= attemptDelay.toNanos())) {
          Attempt a = open(next + 1, new InetSocketAddress(order.get(next++), endpoint.port()));
          running.add(a);
          lastStart = now;
          report(a, Outcome.STARTED, "");
          Thread.ofVirtual()
              .name("connect-" + Addresses.format(a.address))
              .start(() -> attempt(a, finished));
          continue;
        }
        if (running.isEmpty()) {
          throw failure(failed, false);
        }
        if (!unbounded() && now - deadline >= 0) {
          for (Attempt a : running) {
            report(a, Outcome.FAILED, reason(null));
          }
          List<Attempt> all = new ArrayList<>(failed);
          all.addAll(running);
          all.sort(Comparator.comparingInt(a -> a.number));
          IOException timedOut = failure(all, true); // before the close makes them "Socket closed"
          running.forEach(a -> closeQuietly(a.socket));
          running.clear();
          throw timedOut;
        }
        long wait = unbounded() ? Long.MAX_VALUE : deadline - now;
        if (next < order.size()) {
          wait = Math.min(wait, lastStart + attemptDelay.toNanos() - now);
        }
        Attempt done = finished.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
        if (done == null) {
          continue;
        }
        running.remove(done);
        if (done.failure == null) {
          winner = done;
          report(done, Outcome.CONNECTED, "");
          return done.socket;
        }
        failed.add(done);
        report(done, Outcome.FAILED, reason(done.failure));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while connecting to " + endpoint);
    } finally {
      for (Attempt a : running) {
        closeQuietly(a.socket); // ends its connect at once; a late success is closed too
        if (winner != null) {
          report(a, Outcome.ABANDONED, "");
        }
      }
    }
  }

  /** The single-address case: no race, no thread. */
  private Socket alone(InetSocketAddress address, long deadline) throws IOException {
    Attempt a = open(1, address);
    report(a, Outcome.STARTED, "");
    try {
      a.socket.connect(address, remainingMillis(deadline));
    } catch (IOException e) {
      closeQuietly(a.socket);
      a.failure = e;
      report(a, Outcome.FAILED, reason(e));
      throw failure(List.of(a), e instanceof SocketTimeoutException);
    }
    report(a, Outcome.CONNECTED, "");
    return a.socket;
  }

  /** A new socket, its descriptor opened on this thread (see the class comment). */
  private static Attempt open(int number, InetSocketAddress address) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true); // also makes the JDK open the descriptor now, on this thread
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return new Attempt(number, address, socket);
  }

  /**
   * One attempt's thread. Its connect has no time-out of its own: the deadline is the caller's to
   * enforce, by closing the socket, so that only the caller decides and reports a time-out.
   */
  private static void attempt(Attempt a, BlockingQueue<Attempt> finished) {
    try {
      a.socket.connect(a.address);
    } catch (IOException e) {
      closeQuietly(a.socket);
      a.failure = e;
    }
    finished.add(a);
  }

  private boolean unbounded() {
    return connectTimeout.isZero();
  }

  /** What is left of the time-out for a socket's connect; 0 (no limit) when there is none. */
  private int remainingMillis(long deadline) {
    if (unbounded()) {
      return 0;
    }
    return (int)
        Math.clamp(
            TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), 1, Integer.MAX_VALUE);
  }

  /**
   * The exception for a connect that did not succeed: a time-out if the deadline passed or an
   * attempt timed out, else a refusal; its message lists every attempt when there were several.
   */
  private IOException failure(List<Attempt> attempts, boolean timedOut) {
    for (Attempt a : attempts) {
      timedOut |= a.failure == null || a.failure instanceof SocketTimeoutException;
    }
    String tried =
        attempts.size() == 1
            ? reason(attempts.getFirst().failure)
            : attempts.stream()
                .map(a -> Addresses.format(a.address) + ": " + reason(a.failure))
                .collect(Collectors.joining("; "));
    IOException e;
    if (timedOut) {
      String after =
          connectTimeout.isZero()
              ? " timed out (the system's connect time-out)"
              : " timed out after " + Timeouts.describe(connectTimeout);
      e = new SocketTimeoutException("connecting to " + endpoint + after + " (" + tried + ")");
    } else {
      e = new ConnectException("cannot connect to " + endpoint + ": " + tried);
    }
    attempts.stream()
        .map(a -> a.failure)
        .filter(f -> f != null)
        .reduce((a, b) -> b)
        .ifPresent(e::initCause);
    return e;
  }

  /** An attempt's failure in a few words; null (still waiting) is "no answer". */
  private static String reason(IOException e) {
    if (e == null || e instanceof SocketTimeoutException) {
      return "no answer";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private void report(Attempt a, Outcome outcome, String failure) {
    listener.accept(
        new ConnectAttempt(
            endpoint,
            a.number,
            a.address,
            outcome,
            Duration.ofNanos(System.nanoTime() - start),
            failure));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing an unconnected or failed socket: nothing to report
    }
  }
}
