package lab3.netlab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * The wire: a relay that forwards Ethernet frames between two links and impairs them on the way,
 * for kernels without netem (this machine's). It runs in a third namespace, between the hosts:
 *
 * <pre>{@code
 * pc [eth0] <--veth--> [to-pc] wire relay [to-labhost] <--veth--> [eth0] labhost
 * }</pre>
 *
 * <p>Each side has an {@code AF_PACKET} socket, which receives every whole frame arriving on its
 * interface (ARP, IPv4, IPv6 alike) and sends frames as they are. Each direction runs on two
 * threads: one receives a frame and decides its fate (dropped with probability loss; delivered
 * after delay ± jitter; held back by an extra delay with probability reorder, so later frames
 * overtake it; sent twice with probability duplicate), then a second sends it when its time has
 * come. The decisions come from a {@link Random} seeded from {@link Impairments#seed()}, so a test
 * can replay the same losses.
 *
 * <p>The wire's own kernel does nothing with these frames: its interfaces have no addresses and
 * IPv6 is off there.
 */
final class FrameRelay implements AutoCloseable {
  static final String TO_PC = "to-pc";
  static final String TO_LABHOST = "to-labhost";
  private static final int POLL_MILLIS = 200;

  private final Native system;
  private final Impairments impairments;
  private final int[] sockets = new int[2];
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  private FrameRelay(Native system, Impairments impairments) {
    this.system = system;
    this.impairments = impairments;
  }

  /**
   * Opens both sockets on the calling thread, which must be in the wire's namespace, and starts
   * relaying on threads of its own.
   */
  static FrameRelay start(Native system, Impairments impairments) throws IOException {
    FrameRelay relay = new FrameRelay(system, impairments);
    relay.sockets[0] = system.openPacketSocket(TO_PC, POLL_MILLIS);
    try {
      relay.sockets[1] = system.openPacketSocket(TO_LABHOST, POLL_MILLIS);
    } catch (IOException e) {
      system.close(relay.sockets[0]);
      throw e;
    }
    relay.direction("pc->labhost", relay.sockets[0], relay.sockets[1], impairments.seed());
    relay.direction("labhost->pc", relay.sockets[1], relay.sockets[0], impairments.seed() + 1);
    return relay;
  }

  private void direction(String name, int from, int to, long seed) {
    DelayQueue<Frame> queue = new DelayQueue<>();
    Random random = new Random(seed);
    Thread receiver =
        Thread.ofPlatform()
            .daemon()
            .name("relay " + name + " in")
            .start(() -> receive(from, queue, random));
    Thread sender =
        Thread.ofPlatform().daemon().name("relay " + name + " out").start(() -> send(to, queue));
    threads.add(receiver);
    threads.add(sender);
  }

  private void receive(int fd, DelayQueue<Frame> queue, Random random) {
    byte[] buffer = new byte[65_536 + 64];
    long delay = impairments.delay().toNanos();
    long jitter = impairments.jitter().toNanos();
    // A reordered frame waits this much longer: the frames behind it within that time overtake it.
    long holdBack = Math.max(delay, TimeUnit.MILLISECONDS.toNanos(2));
    while (running) {
      int length;
      try {
        length = system.receive(fd, buffer);
      } catch (IOException e) {
        return; // the interface is gone: the network is being removed
      }
      if (length < 0) {
        continue; // the receive time-out: check whether to stop
      }
      if (random.nextDouble() < impairments.loss()) {
        continue;
      }
      long wait = delay;
      if (jitter > 0) {
        wait = Math.max(0, delay + (long) ((random.nextDouble() * 2 - 1) * jitter));
      }
      if (random.nextDouble() < impairments.reorder()) {
        wait += holdBack;
      }
      byte[] frame = java.util.Arrays.copyOf(buffer, length);
      long due = System.nanoTime() + wait;
      queue.add(new Frame(frame, due));
      if (random.nextDouble() < impairments.duplicate()) {
        queue.add(new Frame(frame, due));
      }
    }
  }

  private void send(int fd, DelayQueue<Frame> queue) {
    while (running) {
      Frame frame;
      try {
        frame = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (frame == null) {
        continue;
      }
      try {
        system.send(fd, frame.bytes, frame.bytes.length);
      } catch (IOException e) {
        // a frame the link refused (e.g. the interface went down): the wire lost it
      }
    }
  }

  @Override
  public void close() {
    running = false;
    for (Thread thread : threads) {
      try {
        thread.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    system.close(sockets[0]);
    system.close(sockets[1]);
  }

  /** A frame and the time ({@link System#nanoTime()}) it is due on the other side. */
  private record Frame(byte[] bytes, long due) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(due, ((Frame) other).due);
    }
  }
}
