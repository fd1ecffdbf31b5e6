package lab3.tests.networks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab3.netlab.LabEnvironment;
import lab3.netlab.LabNetwork;
import lab3.netlab.Launcher;
import lab3.netlab.NetlabEnvironment;
import lab3.tests.CommandRun;

/**
 * Where a suite's servers and clients run, Netty's habit of one test suite run on every transport:
 * {@link #loopback()} (one host, this machine's {@code lo}) or {@link #lab} (the lab network: the
 * servers on {@code labhost}, the clients on {@code pc}, across a link of MTU 1,500 with the
 * impairments asked for). A suite is written once against this class; a subclass per network says
 * which one it runs on.
 *
 * <p>The network itself is the project's one environment seam, a {@link LabEnvironment} ({@link
 * LabEnvironment#loopback()} or a {@link NetlabEnvironment}); this class adds only what the tests
 * ask of it: the names a student's command line gives, and running {@code ./lab3} on the client.
 */
public final class TestNetwork implements AutoCloseable {
  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(90);

  private final LabEnvironment environment;

  private TestNetwork(LabEnvironment environment) {
    this.environment = environment;
  }

  /** This machine's loopback: servers on 127.0.0.1 and ::1, clients beside them. */
  public static TestNetwork loopback() {
    return new TestNetwork(LabEnvironment.loopback());
  }

  /**
   * The lab network made from {@code builder} (give it a name unique to the test class), or a
   * skipped test saying why none can be made here.
   */
  public static TestNetwork lab(LabNetwork.Builder builder) throws IOException {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
    return new TestNetwork(NetlabEnvironment.start(builder));
  }

  /** The environment the servers and clients run in. */
  public LabEnvironment environment() {
    return environment;
  }

  /** "loopback" or the lab network's description. */
  public String describe() {
    LabNetwork lab = labNetwork();
    return lab == null ? "loopback" : lab.describe();
  }

  /** True on loopback: servers must bind the loopback addresses, and multicast stays on lo. */
  public boolean isLoopback() {
    return environment.shared();
  }

  /** The server host's address of {@code family}, as a client reaches it. */
  public InetAddress serverAddress(StandardProtocolFamily family) {
    return family == StandardProtocolFamily.INET ? environment.serverV4() : environment.serverV6();
  }

  /**
   * The address a server binds to be reached by {@link #serverName()}: 127.0.0.1 on loopback, the
   * wildcard {@code ::} (both families) on labhost.
   */
  public InetAddress serverAnyAddress() {
    return address(isLoopback() ? "127.0.0.1" : "::");
  }

  /** The server host's name for the client's commands: localhost, or tcpip.lab. */
  public String serverName() {
    return isLoopback() ? "localhost" : environment.serverName();
  }

  /**
   * Options for a command that takes {@code --resolve}, so that {@link #serverName()} names both of
   * the server's addresses (loopback's localhost is IPv4 only here; tcpip.lab already names both).
   */
  public List<String> resolveBothFamilies() {
    return isLoopback() ? List.of("--resolve", "localhost=127.0.0.1,::1") : List.of();
  }

  /** The multicast interface's name on the server host (lo or eth0). */
  public String serverInterface() {
    return environment.serverInterface();
  }

  /** The multicast interface's name on the client host (lo or eth0). */
  public String clientInterface() {
    return environment.captureInterface();
  }

  /** Runs {@code action} on the server host; the sockets it opens live there. */
  public <T> T onServer(Callable<T> action) throws Exception {
    return environment.onServer(action);
  }

  /** Runs {@code action} on the client host; the sockets it opens live there. */
  public <T> T onClient(Callable<T> action) throws Exception {
    return environment.onClient(action);
  }

  /** The lab network, or null on loopback. */
  public LabNetwork labNetwork() {
    return environment instanceof NetlabEnvironment lab ? lab.lab() : null;
  }

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
    return run(environment.clientCommand(lab3Argv(List.of(args))), stdin);
  }

  /** The argv of {@code ./lab3 args...} as a JVM of its own on the test class path. */
  public static List<String> lab3Argv(List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add(Launcher.java());
    argv.addAll(
        List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "--enable-native-access=ALL-UNNAMED"));
    argv.addAll(Launcher.classPathAndMain());
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

  @Override
  public void close() {
    environment.close();
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
