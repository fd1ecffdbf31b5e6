package lab3.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lab3.netlab.Launcher;

/**
 * A network of the bench's own: on Linux, {@code grade} runs itself again inside a new network
 * namespace (util-linux {@code unshare}), whose only interface is a private {@code lo} that also
 * carries the multicast routes ({@code 224.0.0.0/4}).
 *
 * <p>Three things follow. Nothing a submission sends can leave the machine, whatever it does: a
 * Part 4 sender that sets no {@code IP_MULTICAST_IF} would otherwise send by the default route's
 * interface, onto the local network. Such a sender, written for the lab's Wi-Fi, is graded as it
 * is, since the kernel's choice of interface there can only be {@code lo}. And Part 6's {@code
 * localhost:5003} is free there, whatever runs on the machine.
 *
 * <p>A user namespace ({@code unshare --user --map-root-user}) lets anyone make one; as root,
 * {@code unshare --net} alone is tried too. Where neither works (not Linux, no {@code unshare} or
 * {@code ip}, namespaces forbidden), the bench runs on the machine's own loopback.
 *
 * <p><b>Lab networks inside.</b> {@link #unshareForLabNetworks()} makes a sandbox in which the
 * bench makes its own {@link lab3.netlab.LabNetwork} ({@code grade --network netlab}): as root,
 * with processes of their own and a mount namespace ({@code --mount}) in which {@code /run/netns}
 * and {@code /etc/netns} are fresh, empty tmpfs mounts. {@code ip netns add} names a namespace by
 * bind-mounting it on a file of {@code /run/netns}, and the lab network's hosts files live in
 * {@code /etc/netns}: inside, both are the sandbox's own, seen by no other process. This is the
 * simplest arrangement that is correct when things go wrong: the sandbox's whole-hand-in limit
 * kills its first process, the kernel kills every other one (PID namespace), the mount namespace
 * dies with its last process and takes the bind mounts with it, and so the lab network's namespaces
 * (held by nothing else) and its files are gone too. Nothing is left behind for a second run to
 * clean, whatever killed the first, and two hand-ins' networks can never meet, whatever their
 * names. The alternative, the bench making its lab networks in the machine's {@code /run/netns},
 * would leave them behind when a bench is killed, for the next run to find and remove.
 */
public final class NetworkSandbox {
  /** Set in the environment of the bench that runs inside, so that it does not nest. */
  static final String INSIDE = "LAB3_GRADE_SANDBOX";

  /**
   * With these, the sandbox also has processes of its own: the bench is its first process, and when
   * that ends or is killed (or {@code unshare} is), the kernel kills every process left in it, even
   * one that left its parent with {@code setsid}.
   */
  private static final List<String> OWN_PIDS =
      List.of("--pid", "--fork", "--kill-child", "--mount-proc");

  /** Brings the private lo up, routes multicast by it, then runs the rest of the command line. */
  private static final String SETUP =
      "ip link set lo up && ip route add 224.0.0.0/4 dev lo && exec \"$@\"";

  /**
   * With processes of its own, also a private {@code /tmp/hsperfdata_<user>}: JVMs keep a file
   * named by their PID there, and PIDs repeat from one PID namespace to the next, so two hand-ins'
   * JVMs would clash on it (and the JVM warns about it on stdout, into the graded output).
   */
  private static final String SETUP_OWN_PIDS =
      "ip link set lo up && ip route add 224.0.0.0/4 dev lo"
          + " && perf=/tmp/hsperfdata_$(id -un) && mkdir -p \"$perf\""
          + " && mount -t tmpfs -o size=16m tmpfs \"$perf\" && exec \"$@\"";

  /**
   * With a mount namespace asked for by name ({@code --mount}, see {@link
   * #unshareForLabNetworks()}), also private {@code /run/netns} and {@code /etc/netns} for the lab
   * networks the bench makes inside. The two folders are made on the machine first if missing
   * (empty, as {@code ip netns} itself would make them): a mount needs a folder to cover.
   */
  private static final String SETUP_LAB_NETWORKS =
      "mkdir -p /run/netns /etc/netns"
          + " && mount -t tmpfs -o size=1m,mode=755 lab3-netns /run/netns"
          + " && mount -t tmpfs -o size=1m,mode=755 lab3-netns /etc/netns && "
          + SETUP_OWN_PIDS;

  private static String setup(List<String> unshare) {
    if (unshare.contains("--mount")) {
      return SETUP_LAB_NETWORKS;
    }
    return unshare.contains("--pid") ? SETUP_OWN_PIDS : SETUP;
  }

  /** The sandbox for lab networks: as root (no user namespace), see the class's Javadoc. */
  private static final List<String> LAB_NETWORKS =
      List.of("unshare", "--net", "--mount", "--pid", "--fork", "--kill-child", "--mount-proc");

  /**
   * The {@code unshare} command line of a sandbox in which the bench can make lab networks of its
   * own (see the class's Javadoc), found by making one, or empty if none can be made here (not
   * root, no {@code unshare} or {@code ip}). Whether a lab network itself can be made is {@link
   * lab3.netlab.LabNetwork#unavailableReason()}'s answer.
   */
  public static Optional<List<String>> unshareForLabNetworks() throws InterruptedException {
    return unshare(List.of(LAB_NETWORKS));
  }

  /** True for a sandbox from {@link #unshareForLabNetworks()}. */
  public static boolean forLabNetworks(List<String> unshare) {
    return unshare.contains("--mount");
  }

  /**
   * A user namespace first for an ordinary user; root tries a plain network namespace first, so
   * that the bench stays root of the machine and can hand its programs to user {@code nobody}
   * ({@link Sandbox}): in a user namespace that maps only root, no other user exists to drop to.
   */
  private static final List<List<String>> UNSHARE =
      Sandbox.realRoot()
          ? List.of(
              List.of("unshare", "--net"), List.of("unshare", "--user", "--map-root-user", "--net"))
          : List.of(
              List.of("unshare", "--user", "--map-root-user", "--net"),
              List.of("unshare", "--net"));

  private NetworkSandbox() {}

  /** True in the bench that runs inside a sandbox. */
  public static boolean inside() {
    return System.getenv(INSIDE) != null;
  }

  /**
   * The {@code unshare} command line that makes a sandbox on this machine, found by making one (a
   * few milliseconds), or empty if none can be made.
   */
  public static Optional<List<String>> unshare() throws InterruptedException {
    return unshare(UNSHARE);
  }

  /**
   * Like {@link #unshare()}, for a sandbox that also has processes of its own (see {@link
   * #OWN_PIDS}) where one can be made, else a network alone.
   */
  public static Optional<List<String>> unshareWithOwnProcesses() throws InterruptedException {
    List<List<String>> tries = new ArrayList<>();
    for (List<String> unshare : UNSHARE) {
      List<String> withPids = new ArrayList<>(unshare);
      withPids.addAll(OWN_PIDS);
      tries.add(withPids);
    }
    tries.addAll(UNSHARE);
    return unshare(tries);
  }

  private static Optional<List<String>> unshare(List<List<String>> tries)
      throws InterruptedException {
    for (List<String> unshare : tries) {
      List<String> probe = new ArrayList<>(unshare);
      probe.addAll(List.of("sh", "-c", setup(unshare), "probe", "true"));
      try {
        Process process =
            new ProcessBuilder(probe)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
          return Optional.of(unshare);
        }
        process.destroyForcibly();
      } catch (IOException noUnshare) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Runs {@code lab3 args} in a new sandbox made by {@code unshare}, on this JVM's Java and class
   * path, copies what it prints to {@code out} and {@code err}, and returns its exit status.
   */
  public static int run(List<String> unshare, List<String> args, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Process bench = inSandbox(unshare, List.of(), args).start();
    bench.getOutputStream().close();
    Thread copyOut = copy(bench.getInputStream(), out);
    Thread copyErr = copy(bench.getErrorStream(), err);
    try {
      int status = bench.waitFor();
      copyOut.join();
      copyErr.join();
      return status;
    } finally {
      bench.descendants().forEach(ProcessHandle::destroyForcibly);
      bench.destroyForcibly();
    }
  }

  /**
   * The process {@code lab3 args} in a new sandbox made by {@code unshare} (from {@link #unshare()}
   * or {@link #unshareWithOwnProcesses()}), on this JVM's Java and class path, with {@code
   * jvmOptions} added; or, with an empty {@code unshare}, the same on this machine's network.
   */
  public static ProcessBuilder inSandbox(
      List<String> unshare, List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>(unshare);
    if (!unshare.isEmpty()) {
      command.addAll(List.of("sh", "-c", setup(unshare), "lab3-grade"));
    }
    command.add(Launcher.java());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // The launcher's start-up cache may be being recorded by the outer JVM: only a finished one
      // (-XX:AOTCache alone, of the same jar) is shared.
      boolean recording = option.startsWith("-XX:AOT") && !option.startsWith("-XX:AOTCache=");
      // A cache recorded by `java -jar` (native access by the manifest) refuses to load, with
      // errors on stderr, in a JVM given --enable-native-access (the lab networks need it).
      boolean mismatched = forLabNetworks(unshare) && option.startsWith("-XX:AOT");
      if (!recording && !mismatched && !option.startsWith("-javaagent")) {
        command.add(option);
      }
    }
    command.addAll(jvmOptions);
    if (forLabNetworks(unshare) && !command.contains("--enable-native-access=ALL-UNNAMED")) {
      // lab3.jar's manifest allows it with -jar; here the class path is named.
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(Launcher.classPathAndMain());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    if (!unshare.isEmpty()) {
      builder.environment().put(INSIDE, "1");
    }
    return builder;
  }

  private static Thread copy(InputStream from, PrintStream to) {
    return Thread.ofVirtual()
        .start(
            () -> {
              try (from) {
                from.transferTo(new Flushing(to));
              } catch (IOException ignored) {
                // the bench is gone
              }
            });
  }

  /** Passes every chunk on and flushes it, so progress shows as the inner bench makes it. */
  private static final class Flushing extends OutputStream {
    private final PrintStream to;

    Flushing(PrintStream to) {
      this.to = to;
    }

    @Override
    public void write(int b) {
      to.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      to.write(b, off, len);
      to.flush();
    }
  }
}
