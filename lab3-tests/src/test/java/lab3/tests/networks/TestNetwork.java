package lab3.tests.networks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab3.apps.Main;
import lab3.netlab.LabNetwork;
import lab3.tests.CommandRun;

/**
 * Where a suite's servers and clients run, Netty's habit of one test suite run on every transport:
 * {@link #loopback()} (one host, this machine's {@code lo}) or {@link #lab} (the lab network: the
 * servers on {@code labhost}, the clients on {@code pc}, across a link of MTU 1,500 with the
 * impairments asked for). A suite is written once against this class; a subclass per network says
 * which one it runs on.
 */
public abstract class TestNetwork implements AutoCloseable {
  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(90);

  private TestNetwork() {}

  /** This machine's loopback: servers on 127.0.0.1 and ::1, clients beside them. */
  public static TestNetwork loopback() {
    return new Loopback();
  }

  /**
   * The lab network made from {@code builder} (give it a name unique to the test class), or a
   * skipped test saying why none can be made here.
   */
  public static TestNetwork lab(LabNetwork.Builder builder) throws IOException {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
    return new Lab(builder.start());
  }

  /** "loopback" or the lab network's description. */
  public abstract String describe();

  /** True on loopback: servers must bind the loopback addresses, and multicast stays on lo. */
  public abstract boolean isLoopback();

  /** The server host's address of {@code family}, as a client reaches it. */
  public abstract InetAddress serverAddress(StandardProtocolFamily family);

  /**
   * The address a server binds to be reached by {@link #serverName()}: 127.0.0.1 on loopback, the
   * wildcard {@code ::} (both families) on labhost.
   */
  public abstract InetAddress serverAnyAddress();

  /** The server host's name for the client's commands: localhost, or tcpip.lab. */
  public abstract String serverName();

  /**
   * Options for a command that takes {@code --resolve}, so that {@link #serverName()} names both of
   * the server's addresses (loopback's localhost is IPv4 only here; tcpip.lab already names both).
   */
  public abstract List<String> resolveBothFamilies();

  /** The multicast interface's name on the server host (lo or eth0). */
  public abstract String serverInterface();

  /** The multicast interface's name on the client host (lo or eth0). */
  public abstract String clientInterface();

  /** Runs {@code action} on the server host; the sockets it opens live there. */
  public abstract <T> T onServer(Callable<T> action) throws Exception;

  /** Runs {@code action} on the client host; the sockets it opens live there. */
  public abstract <T> T onClient(Callable<T> action) throws Exception;

  /** The lab network, or null on loopback. */
  public abstract LabNetwork labNetwork();

  /**
   * Runs {@code ./lab3 args...} on the client host in a JVM of its own, as a student would, and
   * waits for it (at most 90 s): its status, stdout and stderr.
   */
  public CommandRun lab3(String... args) throws IOException, InterruptedException {
    return lab3WithInput(new byte[0], args);
  }

  /** {@link #lab3} with {@code stdin} on its standard input. */
  public CommandRun lab3WithInput(byte[] stdin, String... args)
      throws IOException, InterruptedException {
    return run(clientProcess(lab3Argv(List.of(args))), stdin);
  }

  /** The argv of {@code ./lab3 args...} as a JVM of its own on the test class path. */
  public static List<String> lab3Argv(List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.addAll(
        List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName()));
    argv.addAll(args);
    return argv;
  }

  /**
   * Starts {@code process} with {@code stdin} on its standard input and waits for it (at most 90
   * s): its status, stdout and stderr.
   */
  public static CommandRun run(ProcessBuilder process, byte[] stdin)
      throws IOException, InterruptedException {
    Process started = process.start();
    try (var in = started.getOutputStream()) {
      in.write(stdin);
    }
    CompletableFuture<byte[]> out = drain(started.getInputStream());
    CompletableFuture<byte[]> err = drain(started.getErrorStream());
    if (!started.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      started.destroyForcibly();
      throw new AssertionError(
          String.join(" ", process.command())
              + " still ran after "
              + COMMAND_LIMIT.toSeconds()
              + " s");
    }
    return new CommandRun(
        started.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
  }

  abstract ProcessBuilder clientProcess(List<String> argv);

  private static CompletableFuture<byte[]> drain(InputStream in) {
    CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (in) {
                bytes.complete(in.readAllBytes());
              } catch (IOException e) {
                bytes.completeExceptionally(new UncheckedIOException(e));
              }
            });
    return bytes;
  }

  @Override
  public String toString() {
    return describe();
  }

  private static final class Loopback extends TestNetwork {
    @Override
    public String describe() {
      return "loopback";
    }

    @Override
    public boolean isLoopback() {
      return true;
    }

    @Override
    public InetAddress serverAddress(StandardProtocolFamily family) {
      return address(family == StandardProtocolFamily.INET ? "127.0.0.1" : "::1");
    }

    @Override
    public InetAddress serverAnyAddress() {
      return address("127.0.0.1");
    }

    @Override
    public String serverName() {
      return "localhost";
    }

    @Override
    public List<String> resolveBothFamilies() {
      return List.of("--resolve", "localhost=127.0.0.1,::1");
    }

    @Override
    public String serverInterface() {
      return "lo";
    }

    @Override
    public String clientInterface() {
      return "lo";
    }

    @Override
    public <T> T onServer(Callable<T> action) throws Exception {
      return action.call();
    }

    @Override
    public <T> T onClient(Callable<T> action) throws Exception {
      return action.call();
    }

    @Override
    public LabNetwork labNetwork() {
      return null;
    }

    @Override
    ProcessBuilder clientProcess(List<String> argv) {
      return new ProcessBuilder(argv);
    }

    @Override
    public void close() {}

    private static InetAddress address(String literal) {
      try {
        return InetAddress.getByName(literal);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Lab extends TestNetwork {
    private final LabNetwork lab;

    Lab(LabNetwork lab) {
      this.lab = lab;
    }

    @Override
    public String describe() {
      return lab.describe();
    }

    @Override
    public boolean isLoopback() {
      return false;
    }

    @Override
    public InetAddress serverAddress(StandardProtocolFamily family) {
      return family == StandardProtocolFamily.INET ? lab.labhost().ipv4() : lab.labhost().ipv6();
    }

    @Override
    public InetAddress serverAnyAddress() {
      try {
        return InetAddress.getByName("::");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String serverName() {
      return "tcpip.lab";
    }

    @Override
    public List<String> resolveBothFamilies() {
      return List.of();
    }

    @Override
    public String serverInterface() {
      return lab.labhost().interfaceName();
    }

    @Override
    public String clientInterface() {
      return lab.pc().interfaceName();
    }

    @Override
    public <T> T onServer(Callable<T> action) throws Exception {
      return lab.labhost().call(action);
    }

    @Override
    public <T> T onClient(Callable<T> action) throws Exception {
      return lab.pc().call(action);
    }

    @Override
    public LabNetwork labNetwork() {
      return lab;
    }

    @Override
    ProcessBuilder clientProcess(List<String> argv) {
      return lab.pc().command(argv);
    }

    @Override
    public void close() {
      lab.close();
    }
  }
}
