package lab3.netlab;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One host of a {@link LabNetwork}: a Linux network namespace with its own {@code lo}, one Ethernet
 * link ({@link #interfaceName()}) and an IPv4 and an IPv6 address on it.
 *
 * <p>A program reaches the host in one of two ways. {@link #command} runs a process inside it
 * ({@code ip netns exec}), which also sees the host's own {@code /etc/hosts}, where {@code
 * tcpip.lab} names the lab's server. {@link #call} runs Java code of this JVM inside it: a network
 * namespace belongs to a thread on Linux, so the code runs on a new platform thread that first
 * moved itself into the host ({@code setns(2)}). A socket belongs to the namespace it was opened in
 * for its whole life, so a server started in {@code call} keeps serving in the host after {@code
 * call} returned. Two pitfalls: threads the action starts (virtual threads run on carrier threads
 * of the root namespace) open their sockets where they run, not in the host; and names resolve
 * through the machine's {@code /etc/hosts}, so use {@link #ipv4()} or {@link #ipv6()} there.
 */
public final class Host {
  private final String name;
  private final String namespace;
  private final InetAddress ipv4;
  private final InetAddress ipv6;
  private final String interfaceName;

  Host(String name, String namespace, InetAddress ipv4, InetAddress ipv6, String interfaceName) {
    this.name = name;
    this.namespace = namespace;
    this.ipv4 = ipv4;
    this.ipv6 = ipv6;
    this.interfaceName = interfaceName;
  }

  /** {@code "pc"} or {@code "labhost"}. */
  public String name() {
    return name;
  }

  /** The network namespace's name, as {@code ip netns list} shows it. */
  public String namespace() {
    return namespace;
  }

  /** The host's IPv4 address, from the benchmarking range 198.18.0.0/15. */
  public InetAddress ipv4() {
    return ipv4;
  }

  /** The host's IPv6 address, in a unique-local /64 ({@code fd00::/8}). */
  public InetAddress ipv6() {
    return ipv6;
  }

  /** The link's interface inside this host: name it for multicast and captures. */
  public String interfaceName() {
    return interfaceName;
  }

  /**
   * A process builder for {@code argv} run inside this host ({@code ip netns exec NAMESPACE argv}),
   * whose {@code /etc/hosts} is the host's own. The caller starts it and owns the process.
   */
  public ProcessBuilder command(List<String> argv) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("no command to run on " + name);
    }
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    command.addAll(argv);
    return new ProcessBuilder(command);
  }

  /**
   * Runs {@code action} on a new platform thread that entered this host's network namespace, waits
   * for it and returns its result (or throws what it threw). Sockets it opens live in this host.
   *
   * @throws IOException if this JVM cannot enter a namespace (see {@link
   *     LabNetwork#unavailableReason()})
   */
  public <T> T call(Callable<T> action) throws Exception {
    return callIn(namespace, action);
  }

  /** {@link #call} for any namespace of this network (the wire's too). */
  static <T> T callIn(String namespace, Callable<T> action) throws Exception {
    Native systemCalls =
        Native.get().orElseThrow(() -> new IOException(Native.unavailableReason().orElseThrow()));
    String path = "/var/run/netns/" + namespace;
    FutureTask<T> task =
        new FutureTask<>(
            () -> {
              systemCalls.enterNetworkNamespace(path);
              return action.call();
            });
    Thread thread = Thread.ofPlatform().name("netns-" + namespace).daemon().start(task);
    try {
      return task.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    } catch (InterruptedException e) {
      thread.interrupt();
      throw e;
    }
  }

  @Override
  public String toString() {
    return name
        + " (netns "
        + namespace
        + ", "
        + interfaceName
        + " "
        + Addresses.text(ipv4)
        + " "
        + Addresses.text(ipv6)
        + ")";
  }
}
