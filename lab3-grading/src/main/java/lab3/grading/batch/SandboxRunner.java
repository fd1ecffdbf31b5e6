package lab3.grading.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab3.grading.NetworkSandbox;

/**
 * Runs {@code ./lab3 grade} on one hand-in as a child process, in a sandbox of its own: a network
 * namespace (its own {@code lo}, so port 5003 and multicast groups are never shared) and, where the
 * machine allows, a PID namespace, so that when the bench ends or is killed at the whole-hand-in
 * limit the kernel kills every process of the hand-in. Its temporary files go to a folder of its
 * own, deleted afterwards, whatever the bench left. Each program of the hand-in runs contained (see
 * {@code lab3.grading.Sandbox}): it sees its own copy of the hand-in and nothing of the download,
 * of the other hand-ins or of the results.
 *
 * <p><b>On lab networks</b> (the sandbox of {@link NetworkSandbox#unshareForLabNetworks()}), the
 * bench makes the hand-in's lab network itself, inside the sandbox: {@code unshare --net --mount
 * --pid --fork --kill-child --mount-proc}, whose mount namespace has its own, empty {@code
 * /run/netns} and {@code /etc/netns}. Chosen because it is the simplest arrangement that stays
 * correct when a bench is killed. {@code ip netns} keeps a namespace alive by a bind mount on a
 * file of {@code /run/netns}, and its hosts files in {@code /etc/netns}: in the sandbox's own mount
 * namespace, both belong to the sandbox, so the lab networks of benches running at once never meet
 * (each may call its network {@code lab3grade}), none is seen from outside, and when the
 * whole-hand-in limit kills the bench, the kernel ends every process of the PID namespace, the
 * mount namespace goes with its last process, the bind mounts with it, and with them the lab
 * network's namespaces, links and hosts files: nothing is left to clean, whatever killed the bench.
 * Making the networks outside (in the machine's {@code /run/netns}, from this process) would need
 * names per hand-in, a way to kill the processes in two namespaces at the limit, and a sweep of
 * what a killed grade-class left; and {@code unshare} makes its mount namespace private, so a
 * namespace named in the machine's {@code /run/netns} after the sandbox started would be, inside
 * it, an empty file that {@code ip netns exec} cannot enter.
 */
public final class SandboxRunner implements HandInRunner {
  /** How the bench is run: the {@code unshare} prefix (empty: on this machine's loopback). */
  private final List<String> unshare;

  private final Duration checkLimit;
  private final Duration handInLimit;
  private final int retries;
  private final List<String> extra;
  private final Path work;

  /**
   * The benches running now: if grade-class itself is stopped (Ctrl+C, SIGTERM), a shutdown hook
   * kills them, and with them (PID namespace) every process of their hand-ins.
   */
  private static final java.util.Set<Process> RUNNING =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    RUNNING.forEach(
                        p -> {
                          p.descendants().forEach(ProcessHandle::destroyForcibly);
                          p.destroyForcibly();
                        })));
  }

  /**
   * @param unshare from {@link NetworkSandbox#unshareWithOwnProcesses()}, or empty for the host
   * @param extra more {@code grade} options ({@code --python}, {@code --ca})
   */
  public SandboxRunner(
      List<String> unshare,
      Duration checkLimit,
      Duration handInLimit,
      int retries,
      List<String> extra,
      Path work) {
    this.unshare = List.copyOf(unshare);
    this.checkLimit = checkLimit;
    this.handInLimit = handInLimit;
    this.retries = retries;
    this.extra = List.copyOf(extra);
    this.work = work;
  }

  @Override
  public Graded grade(MoodleDownload.HandIn handIn) throws InterruptedException {
    long start = System.nanoTime();
    Path dir = null;
    try {
      Files.createDirectories(work);
      // In the machine's temporary folder, not under work (the user's --out may be closed to
      // others): the hand-in's programs run as user nobody and reach their copy through this
      // folder, which they can traverse but not list.
      dir = Files.createTempDirectory("lab3-bench-");
      Files.setPosixFilePermissions(
          dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
      Path report = dir.resolve("report.json");
      Path tmp = Files.createDirectory(dir.resolve("tmp"));
      Path log = dir.resolve("bench.log");
      List<String> args = new ArrayList<>(List.of("grade", "--report", report.toString()));
      args.addAll(List.of("--timeout", String.valueOf(checkLimit.toMillis() / 1000.0)));
      args.addAll(List.of("--retries", String.valueOf(retries)));
      args.addAll(
          List.of(
              "--network",
              unshare.isEmpty()
                  ? "host"
                  : NetworkSandbox.forLabNetworks(unshare) ? "netlab" : "sandbox"));
      args.addAll(extra);
      args.addAll(List.of("--", handIn.dir().toString()));
      ProcessBuilder builder =
          NetworkSandbox.inSandbox(
              unshare, List.of("-Djava.io.tmpdir=" + tmp, "-XX:TieredStopAtLevel=1"), args);
      builder.environment().put("TMPDIR", tmp.toString());
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      Process bench = builder.start();
      RUNNING.add(bench);
      boolean ended;
      try {
        bench.getOutputStream().close();
        ended = bench.waitFor(handInLimit.toMillis(), TimeUnit.MILLISECONDS);
      } finally {
        kill(bench);
        RUNNING.remove(bench);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!ended) {
        return Graded.notGraded(
            "timed out: killed at the whole-hand-in limit of " + handInLimit.toSeconds() + " s",
            seconds);
      }
      if (!Files.isRegularFile(report)) {
        return Graded.notGraded(
            "harness error: the bench ended with status "
                + bench.exitValue()
                + " and no report"
                + lastLine(log),
            seconds);
      }
      try {
        return Graded.ofReport(Files.readString(report), seconds);
      } catch (RuntimeException e) {
        return Graded.notGraded("harness error: unreadable report: " + e.getMessage(), seconds);
      }
    } catch (IOException e) {
      return Graded.notGraded(
          "harness error: " + lab3.report.Failures.describe(e), (System.nanoTime() - start) / 1e9);
    } finally {
      if (dir != null) {
        delete(dir);
      }
    }
  }

  /** Kills the bench and everything it started, and waits for it. */
  static void kill(Process process) throws InterruptedException {
    for (int round = 0;
        round < 3 && (process.isAlive() || process.descendants().findAny().isPresent());
        round++) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static String lastLine(Path log) {
    try {
      String last =
          Files.readAllLines(log).stream().filter(l -> !l.isBlank()).reduce((x, y) -> y).orElse("");
      return last.isEmpty() ? "" : ": " + last.strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** Deletes a tree without following links (a program may have left some). */
  public static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort; the caller's work folder is deleted at the end as well
    }
  }
}
