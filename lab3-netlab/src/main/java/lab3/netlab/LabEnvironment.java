package lab3.netlab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where the lab's programs run: "start these emulators there, run this client here, capture there".
 * It names the host the emulators run on and the host the clients run on, the addresses between
 * them, the interface a capture watches (on the client's host, where a student runs Wireshark), and
 * the profile a report states (MTU, delay). The demo, the report, the grading bench, {@code serve}
 * and the integration tests all take one; none reaches for a network of its own.
 *
 * <p>Implementations: {@link #loopback()} (both hosts are this machine), {@link #sandbox()} (the
 * private loopback of a network namespace of its own: the grading bench's), {@link
 * NetlabEnvironment} (the lab network of two namespaces, from a {@link LabNetwork.Builder}) and
 * {@link #remote} (a real lab host: nothing is started, the lab's ports are used). Each is closed
 * with try-with-resources:
 *
 * <pre>{@code
 * try (LabEnvironment env = NetlabEnvironment.start(LabNetwork.builder().name("demo"));
 *     LabHost emulators = env.startLabHost(config, log::println)) {
 *   env.onClient(() -> client.run(env.serverV6()));
 * }
 * }</pre>
 *
 * <p>The pitfall: a socket belongs to the network namespace of the thread that created it, so
 * servers must be built inside {@link #onServer} and clients inside {@link #onClient}.
 */
public interface LabEnvironment extends AutoCloseable {

  /** "loopback", "sandbox", "netlab" or "server". */
  String name();

  /** One sentence for the report: what this network is and what it changes. */
  String profile();

  /** The IPv6 address the servers bind and the clients reach. */
  InetAddress serverV6();

  /** The IPv4 address of the same host. */
  InetAddress serverV4();

  /**
   * The server's name as a student's shell command gives it: one that resolves to both families
   * where there is one ({@code tcpip.lab} in pc), else the IPv6 address.
   */
  default String serverName() {
    return text(serverV6());
  }

  /** The client host's IPv4 address (the capture's probe datagrams leave from it). */
  InetAddress clientV4();

  /** The interface a capture listens on and multicast uses, on the client's host. */
  String captureInterface();

  /** The interface multicast uses on the server's host. */
  default String serverInterface() {
    return captureInterface();
  }

  /** The interface's MTU, or -1 when unknown. */
  int mtu();

  /**
   * True when the servers and clients share this machine's own network stack with every other
   * program: servers then bind loopback addresses only, on free ports.
   */
  default boolean shared() {
    return false;
  }

  /**
   * True when the client's host is a network namespace with no route out of this machine, so a
   * datagram that follows the default route cannot leave it (netlab).
   */
  default boolean isolated() {
    return false;
  }

  /** False when the servers are a real lab host's: the report starts no emulator then. */
  default boolean startsServers() {
    return true;
  }

  /**
   * The port a server of the lab's port {@code labPort} listens on: 0 (a free one) on a shared
   * stack, else the lab's own.
   */
  default int port(int labPort) {
    return shared() ? 0 : labPort;
  }

  /**
   * Runs {@code action} on the server's host and returns its result; servers it builds listen
   * there.
   */
  default <T> T onServer(Callable<T> action) throws Exception {
    return action.call();
  }

  /** Runs {@code action} on the client's host; sockets it opens live there. */
  default <T> T onClient(Callable<T> action) throws Exception {
    return action.call();
  }

  /**
   * What a shell command takes in front to run on the client's host: "" here, {@code ./lab3 netlab
   * exec pc -- } on a lab network brought up by {@code ./lab3 netlab up}.
   */
  default String clientShell() {
    return "";
  }

  /**
   * Starts the lab's emulators on the server's host, every one that {@code ./lab3 serve} runs (the
   * PMU over TCP, the reset PMU, the TV program, the WebSocket and TLS PMUs), and returns them;
   * close them before this environment.
   *
   * @throws Exception naming the emulator that could not start (the others are closed)
   */
  default LabHost startLabHost(LabHost.Config config, Consumer<String> log) throws Exception {
    return startLabHost(config, EmulatorProfile.LAB_TEXT, log);
  }

  /**
   * {@link #startLabHost(LabHost.Config, Consumer)} with the emulators following {@code profile}
   * (the lab text's servers, or the course's as they behaved).
   *
   * @throws Exception naming the emulator that could not start (the others are closed)
   */
  default LabHost startLabHost(LabHost.Config config, EmulatorProfile profile, Consumer<String> log)
      throws Exception {
    return onServer(() -> LabHost.start(config, profile, log));
  }

  /** {@link #onClient} for I/O: what it throws that is not an I/O or runtime error is wrapped. */
  default <T> T onClientIo(Callable<T> action) throws IOException {
    try {
      return onClient(action);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("on the client's host: " + e.getMessage(), e);
    }
  }

  /** A process builder for {@code argv} run on the client's host (dumpcap). */
  default ProcessBuilder clientCommand(List<String> argv) {
    return new ProcessBuilder(argv);
  }

  /**
   * Another network like this one but with link MTU {@code mtu} and {@code delay} each way, for
   * varying one factor at a time; empty where the link cannot be chosen (loopback, a real host).
   * The caller closes it.
   *
   * @throws IOException if it cannot be made
   */
  default java.util.Optional<LabEnvironment> variant(int mtu, java.time.Duration delay)
      throws IOException {
    return java.util.Optional.empty();
  }

  /** The one-way delay of the link, or null when unknown (a real host) or none (loopback). */
  default java.time.Duration delay() {
    return shared() ? java.time.Duration.ZERO : null;
  }

  /** Ends what this network made; the loopback and a remote host have nothing to end. */
  @Override
  default void close() {}

  /** This machine's loopback: {@code ::1} and {@code 127.0.0.1} on {@code lo}. */
  static LabEnvironment loopback() {
    return loopback(
        "loopback",
        "loopback (lo) of this machine: MTU %d bytes, no delay, no loss on the wire; the lab's"
            + " Wi-Fi has an MTU of 1,500 and a few milliseconds of delay, so TCP cuts and spaces"
            + " the PMU's bytes differently",
        false);
  }

  /**
   * The loopback of a sandbox: this process runs in a network namespace of its own whose only
   * interface is a private {@code lo} with the multicast routes (the grading bench's {@code
   * NetworkSandbox}), so nothing sent here leaves it. Servers still bind loopback addresses, on
   * free ports, as on {@link #loopback()}; it differs in name, profile and {@link #isolated()}.
   */
  static LabEnvironment sandbox() {
    return loopback(
        "sandbox",
        "the private loopback (lo) of a network namespace of its own: MTU %d bytes, no delay, no"
            + " loss, no route out of it",
        true);
  }

  private static LabEnvironment loopback(String name, String profile, boolean isolated) {
    return new LabEnvironment() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String profile() {
        return String.format(profile, mtu());
      }

      @Override
      public InetAddress serverV6() {
        return address("::1");
      }

      @Override
      public InetAddress serverV4() {
        return address("127.0.0.1");
      }

      @Override
      public InetAddress clientV4() {
        return serverV4();
      }

      @Override
      public String captureInterface() {
        return "lo";
      }

      @Override
      public int mtu() {
        return mtuOf("lo");
      }

      @Override
      public boolean shared() {
        return true;
      }

      @Override
      public boolean isolated() {
        return isolated;
      }
    };
  }

  /**
   * A real lab host (or our own {@code ./lab3 serve}) named {@code host}, at {@code v4} and {@code
   * v6} (either may be null): the report starts no emulator and uses the lab's ports, 5003 to 5006
   * and the group 224.1.1.1:5005. The clients and the captures (on {@code iface}) run where {@code
   * client} runs its clients: {@link #loopback()} for this process's own namespace.
   */
  static LabEnvironment remote(
      String host, InetAddress v4, InetAddress v6, String iface, LabEnvironment client) {
    if (v4 == null && v6 == null) {
      throw new IllegalArgumentException("no address for " + host);
    }
    return new LabEnvironment() {
      @Override
      public String name() {
        return "server";
      }

      @Override
      public String profile() {
        return "the lab host "
            + host
            + " ("
            + (v6 == null ? "no IPv6" : text(v6))
            + ", "
            + (v4 == null ? "no IPv4" : text(v4))
            + "), reached over "
            + iface
            + " (MTU "
            + mtu()
            + "); its servers' own settings (n, loss, the TV program) apply";
      }

      @Override
      public InetAddress serverV6() {
        return v6 == null ? v4 : v6;
      }

      @Override
      public InetAddress serverV4() {
        return v4 == null ? v6 : v4;
      }

      @Override
      public String serverName() {
        return host;
      }

      @Override
      public InetAddress clientV4() {
        return address(v4 == null ? "::" : "0.0.0.0");
      }

      @Override
      public String captureInterface() {
        return iface;
      }

      @Override
      public int mtu() {
        try {
          return client.onClient(() -> java.net.NetworkInterface.getByName(iface).getMTU());
        } catch (Exception e) {
          return -1;
        }
      }

      @Override
      public boolean startsServers() {
        return false;
      }

      @Override
      public boolean isolated() {
        return client.isolated();
      }

      @Override
      public <T> T onClient(Callable<T> action) throws Exception {
        return client.onClient(action);
      }

      @Override
      public ProcessBuilder clientCommand(List<String> argv) {
        return client.clientCommand(argv);
      }

      @Override
      public String clientShell() {
        return client.clientShell();
      }
    };
  }

  /**
   * The interface this machine reaches {@code address} by ({@code ip route get}), or {@code lo} for
   * a loopback address.
   *
   * @throws IOException if no route leads there
   */
  static String interfaceTo(InetAddress address) throws IOException {
    if (address.isLoopbackAddress()) {
      return "lo";
    }
    Process p =
        new ProcessBuilder("ip", "-o", "route", "get", text(address))
            .redirectErrorStream(true)
            .start();
    String said =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(" dev (\\S+)").matcher(said);
    if (!m.find()) {
      throw new IOException("no route to " + text(address) + ": " + said.strip());
    }
    return m.group(1);
  }

  /** The MTU of interface {@code iface} of this process's namespace, or -1. */
  static int mtuOf(String iface) {
    try {
      return Integer.parseInt(
          Files.readString(Path.of("/sys/class/net/" + iface + "/mtu")).strip());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** The address as people write it (IPv6 with {@code ::}, RFC 5952). */
  static String text(InetAddress address) {
    return com.google.common.net.InetAddresses.toAddrString(address);
  }

  /** The address of a literal (no name lookup). */
  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
