package lab3.grading;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lab3.netlab.LabEnvironment;

/**
 * The grading bench: copies a submission to a temporary folder, runs every check against emulators,
 * each under a time limit, and collects the results. A check that crashes, hangs or prints the
 * wrong thing fails alone; whatever it started is stopped when it ends. Checks run a few at once
 * (see {@link #CHECKS_AT_ONCE}).
 *
 * <p>Where things run is the {@link LabEnvironment} the bench is given, the same seam the demo and
 * the report use: on {@link LabEnvironment#loopback()} the emulators and the hand-in's programs
 * share this process's network (the machine's, or the sandbox's own {@code lo}); on a {@link
 * lab3.netlab.NetlabEnvironment} the emulators run on {@code labhost} ({@link #onServer}) and the
 * hand-in's programs on {@code pc} ({@link #run}, {@link #start}), across the lab network's link.
 *
 * <p>Every program of the hand-in (and any compile step, through {@link #runContained}) runs in the
 * bench's {@link Sandbox}: unprivileged, seeing only its copy of the hand-in as writable, in a PID
 * namespace of its own, under the {@link Limits}. A program that goes beyond a limit fails the
 * check that ran it, with the limit named ("Part3 used more than 512 MiB of memory (killed)").
 */
public final class Bench implements Closeable {
  private final Submission original;
  private final Submission copy;
  private final Path workDir;
  private final Duration limit;
  private final PrintStream progress;
  private final LabEnvironment network;
  private final boolean verbose;
  private final Check check;
  private final List<Closeable> cleanup = new ArrayList<>();
  private final Sandbox sandbox;

  /** The programs this check started, with their names: for the limits they went beyond. */
  private final List<java.util.Map.Entry<String, ProcessRunner.Running>> programs =
      java.util.Collections.synchronizedList(new ArrayList<>());

  private Policy policy = Policy.defaults();
  private boolean labNames;

  /**
   * Locks by name, shared by every check of this hand-in: checks that could hear each other (Part
   * 4's receiver and sender, when programs hard-code the lab's group) never run at once.
   */
  private final java.util.Map<String, java.util.concurrent.Semaphore> exclusive;

  /**
   * The default of checks run at once ({@code grade --checks-at-once}): each check has emulators on
   * ports of its own (port 0, a random multicast group) and only Part 6 uses a fixed port, so
   * checks do not meet; a hand-in that hangs then costs a time limit per round, not one per check.
   * Bounded, so that a Java hand-in starts a few JVMs at a time, not thirteen.
   */
  public static final int CHECKS_AT_ONCE = 4;

  public Bench(Submission submission, Duration limit, String python, PrintStream progress)
      throws IOException {
    this(submission, limit, python, progress, LabEnvironment.loopback(), false);
  }

  /**
   * A bench whose emulators and programs run on {@code network}; with {@code verbose}, what the
   * emulators log (each client's address) goes to {@code progress}, after the check's name.
   * Programs run in a {@link Sandbox} with the default {@link Limits}.
   */
  public Bench(
      Submission submission,
      Duration limit,
      String python,
      PrintStream progress,
      LabEnvironment network,
      boolean verbose)
      throws IOException {
    this(
        submission,
        limit,
        python,
        progress,
        network,
        verbose,
        Sandbox.Mode.BUBBLEWRAP,
        Limits.DEFAULT);
  }

  /** The same, with programs contained as {@code mode} says, under {@code limits}. */
  public Bench(
      Submission submission,
      Duration limit,
      String python,
      PrintStream progress,
      LabEnvironment network,
      boolean verbose,
      Sandbox.Mode mode,
      Limits limits)
      throws IOException {
    this.original = submission;
    this.limit = limit;
    this.progress = progress;
    this.network = network;
    this.verbose = verbose;
    this.check = null;
    this.exclusive = new java.util.concurrent.ConcurrentHashMap<>();
    this.workDir = Files.createTempDirectory("lab3-grade-");
    // The sandbox's user must reach its copy (and the sandbox's passwd) through this folder, but
    // not list it.
    Files.setPosixFilePermissions(
        workDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    Path target = workDir.resolve(submission.dir().getFileName());
    copyTree(submission.dir(), target);
    this.copy = Submission.open(target, python, line -> say(progress, line));
    Sandbox.Builder contained =
        Sandbox.builder().mode(mode).limits(limits).home(copy.dir(), workDir);
    if (mode == Sandbox.Mode.BUBBLEWRAP) {
      showLabNames(contained);
    }
    this.sandbox = contained.build();
  }

  /**
   * Shows the hand-in's programs an {@code /etc/hosts} in which {@code tcpip.epfl.ch} names the
   * emulators' host and an {@code /etc/gai.conf} that puts IPv6 first (see {@link LabNames}), in
   * every network mode. On a lab network the hosts file is pc's own ({@code /etc/netns/PC/hosts},
   * to which {@link LabNames#installOnLabNetwork} adds the name), bound by the sandbox itself: a
   * name never depends on {@code ip netns exec} binding pc's files over {@code /etc}, which was
   * seen to fail now and then under load ("Temporary failure in name resolution" for {@code
   * tcpip.lab}). In the loopback and sandbox modes it is {@link #hostsFile()}, and the name
   * resolves from now on; on a lab network, once the name is installed.
   *
   * <p>The emulators of a program that hard-codes the name listen on the lab's fixed ports; checks
   * of one hand-in that need the same fixed port take turns ({@link #exclusively}). Hand-ins never
   * share a network in which fixed ports are used: {@code grade-class} grades each in a namespace
   * of its own, or one at a time on the host's loopback.
   */
  private void showLabNames(Sandbox.Builder contained) throws IOException {
    Path pcHosts =
        network instanceof lab3.netlab.NetlabEnvironment lab
            ? Path.of("/etc/netns", lab.lab().pc().namespace(), "hosts")
            : null;
    if (pcHosts != null) {
      if (Files.isRegularFile(pcHosts)) {
        contained.hosts(pcHosts).gaiConf(gaiConf());
      }
      return;
    }
    contained.hosts(hostsFile()).gaiConf(gaiConf());
    labNames = true;
  }

  /** The same bench for one check running beside others: what it starts is its own to close. */
  private Bench(Bench parent, Check check) {
    this.original = parent.original;
    this.copy = parent.copy;
    this.workDir = parent.workDir;
    this.limit = parent.limit;
    this.progress = parent.progress;
    this.network = parent.network;
    this.verbose = parent.verbose;
    this.check = check;
    this.sandbox = parent.sandbox;
    this.policy = parent.policy;
    this.exclusive = parent.exclusive;
    this.labNames = parent.labNames;
  }

  /**
   * Waits until no other check of this hand-in holds {@code name}, then holds it until this check
   * ends: one check's programs then cannot hear another's (cross-talk), whatever group and port
   * they hard-code.
   */
  void exclusively(String name) throws InterruptedException {
    java.util.concurrent.Semaphore lock =
        exclusive.computeIfAbsent(name, k -> new java.util.concurrent.Semaphore(1));
    lock.acquire();
    Closeable release = lock::release;
    track(release);
  }

  /** Grades by {@code policy} from now on (the default policy until then). */
  public void policy(Policy policy) {
    this.policy = java.util.Objects.requireNonNull(policy);
  }

  /**
   * Says that {@code tcpip.epfl.ch} resolves to the emulators' host in the hand-in's network from
   * now on (see {@link LabNames}); {@code installed} is closed with the bench.
   */
  public void labNamesInstalled(Closeable installed) {
    labNames = true;
    track(installed);
  }

  /**
   * True if a program that hard-codes {@code tcpip.epfl.ch} reaches the emulators: where the
   * sandbox shows a hosts file with the name (every network mode; not with {@code
   * --unsafe-no-sandbox}, whose programs see the machine's own {@code /etc/hosts}).
   */
  boolean labNamesResolve() {
    return labNames;
  }

  /**
   * A hosts file in which {@code tcpip.epfl.ch} names the emulators' host, which the sandbox shows
   * as the hand-in's {@code /etc/hosts} in the loopback and sandbox network modes (on a lab network
   * it shows pc's own hosts file instead; see {@link #showLabNames}).
   */
  Path hostsFile() throws IOException {
    Path file = workDir.resolve("etc-hosts");
    if (!Files.exists(file)) {
      Files.writeString(file, LabNames.hostsFile(network));
    }
    return file;
  }

  /**
   * The gai.conf that puts IPv6 first (see {@link LabNames#GAI_CONF}), to show as /etc/gai.conf.
   */
  Path gaiConf() throws IOException {
    Path file = workDir.resolve("etc-gai.conf");
    if (!Files.exists(file)) {
      Files.writeString(file, LabNames.GAI_CONF);
    }
    return file;
  }

  /** The grading policy: what each part requires and tolerates. */
  public Policy policy() {
    return policy;
  }

  /** How the emulators behave, as the policy's {@code profile} rule says. */
  Profile profile() {
    return Profile.of(policy);
  }

  /** How the hand-in's programs are contained. */
  public Sandbox sandbox() {
    return sandbox;
  }

  /** Where the emulators and the hand-in's programs run. */
  LabEnvironment network() {
    return network;
  }

  /**
   * Starts one of the bench's own servers or listeners: on the server's host ({@code labhost} on a
   * lab network), as a harness step (see {@link #harness}).
   */
  <T> T onServer(java.util.concurrent.Callable<T> step) throws HarnessException {
    return harness(() -> network.onServer(step));
  }

  /** The same on the client's host ({@code pc}), where the hand-in's programs run. */
  <T> T onClient(java.util.concurrent.Callable<T> step) throws HarnessException {
    return harness(() -> network.onClient(step));
  }

  /**
   * An emulator's log for this check: with {@code -v}, each line goes to the progress, after the
   * check's name (the emulators log each client's address and command); else nowhere.
   */
  java.util.function.Consumer<String> emulatorLog(String emulator) {
    return log(emulator + (network.shared() ? "" : " on labhost"));
  }

  /** {@link #emulatorLog(String)} for one that says itself where it runs. */
  java.util.function.Consumer<String> log(String who) {
    if (!verbose) {
      return line -> {};
    }
    String prefix =
        "    " + (check == null ? "" : check.part() + ": " + check.name() + ": ") + who + ": ";
    return line -> {
      synchronized (progress) {
        progress.println(prefix + line);
        progress.flush();
      }
    };
  }

  Submission submission() {
    return copy;
  }

  /**
   * The hand-in's folder as handed in, for the bench to read (never a program's working folder:
   * that is the copy's, {@link #submission()}).
   */
  Path handedIn() {
    return original.dir();
  }

  String camipro1() {
    return original.camipro1();
  }

  String camipro2() {
    return original.camipro2();
  }

  Duration limit() {
    return limit;
  }

  /** Registers something a check started, to be closed after the check. */
  <T extends Closeable> T track(T resource) {
    cleanup.add(resource);
    return resource;
  }

  private static void say(PrintStream progress, String line) {
    synchronized (progress) {
      progress.println(line);
      progress.flush();
    }
  }

  /** Runs a part's program to its end with the graders' arguments, on the client's host. */
  ProcessRunner.Result run(String part, byte[] stdin, String... args) throws Exception {
    Program program = program(part);
    List<String> command = new ArrayList<>(program.command());
    command.addAll(List.of(args));
    return runContained(part, command, readOnlyFor(program), stdin, limit);
  }

  /** Starts a part's program on the client's host and leaves it running (servers, receivers). */
  ProcessRunner.Running start(String part, String... args) throws Exception {
    Program program = program(part);
    List<String> command = new ArrayList<>(program.command());
    command.addAll(List.of(args));
    return track(startContained(part, command, readOnlyFor(program)));
  }

  /**
   * Runs any command of the hand-in's (a part's program, a compile step such as {@code javac}) to
   * its end or to {@code limit}, contained like every program of the hand-in ({@link Sandbox}), on
   * the client's host; {@code what} names it in feedback ("Part2", "javac"). A limit it went beyond
   * fails the check that ran it, with the limit named.
   *
   * @param readOnly paths outside {@code /usr} it needs to read (its interpreter or compiler)
   */
  ProcessRunner.Result runContained(
      String what, List<String> command, List<Path> readOnly, byte[] stdin, Duration limit)
      throws Exception {
    ProcessRunner.Running running = startContained(what, command, readOnly);
    try {
      return ProcessRunner.feedAndAwait(running, stdin, limit);
    } finally {
      running.close();
    }
  }

  private ProcessRunner.Running startContained(
      String what, List<String> command, List<Path> readOnly) throws IOException, HarnessException {
    for (Path p : readOnly) {
      Optional<Path> closed = sandbox.closedOnTheWayTo(p);
      if (closed.isPresent()) {
        throw new HarnessException(
            p
                + " cannot be shown in the sandbox: its user (nobody) cannot enter "
                + closed.get()
                + "; give an interpreter under /usr or /opt");
      }
    }
    try {
      Sandbox.Prepared prepared = sandbox.prepare(command, readOnly, network::clientCommand);
      ProcessRunner.Running running = ProcessRunner.start(prepared, sandbox.limits());
      programs.add(java.util.Map.entry(what, running));
      return running;
    } catch (IOException e) {
      throw new ProgramException(what, e);
    }
  }

  /**
   * What a part's program needs to read outside {@code /usr} and the copy: what {@link
   * Program#readOnly()} names, and the installation of an interpreter given by an absolute path
   * elsewhere ({@code /opt/python3.12/bin/python3}).
   */
  private List<Path> readOnlyFor(Program program) {
    List<Path> paths = new ArrayList<>(outsideCopy(program.readOnly()));
    for (Path p : readOnlyFor(program.command())) {
      if (!paths.contains(p)) {
        paths.add(p);
      }
    }
    return paths;
  }

  /**
   * Paths of the copy need no binding: the sandbox shows the copy, {@code lib/} read-only; binding
   * the build folder read-only would stop {@code javac} writing into it.
   */
  private List<Path> outsideCopy(List<Path> paths) {
    return paths.stream().filter(p -> !p.normalize().startsWith(copy.dir())).toList();
  }

  /** The installation of an interpreter given by an absolute path outside /usr and the copy. */
  private List<Path> readOnlyFor(List<String> command) {
    List<Path> paths = new ArrayList<>();
    Path first = Path.of(command.getFirst());
    if (first.isAbsolute() && !first.startsWith("/usr") && !first.startsWith(copy.dir())) {
      for (Path p : List.of(first, realOr(first))) {
        Path installation = p.getParent() == null ? null : p.getParent().getParent();
        if (installation != null
            && installation.getNameCount() > 0
            && !paths.contains(installation)) {
          paths.add(installation);
        }
      }
    }
    return paths;
  }

  private static Path realOr(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p;
    }
  }

  /** The first limit a program of this check went beyond ("Part3 used more than ..."), if any. */
  private Optional<String> limitExceeded() {
    synchronized (programs) {
      for (var program : programs) {
        Optional<String> over = program.getValue().limitExceeded();
        if (over.isPresent()) {
          return Optional.of(program.getKey() + " " + over.get());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Runs a step of the bench's own (starting an emulator, joining a group): if it fails, the check
   * ends as a harness error, which is no grade, instead of a failure of the hand-in.
   */
  static <T> T harness(java.util.concurrent.Callable<T> step) throws HarnessException {
    try {
      return step.call();
    } catch (HarnessException e) {
      throw e;
    } catch (Exception e) {
      throw new HarnessException(lab3.report.Failures.describe(e));
    }
  }

  /**
   * What runs for a part: absent, present but unrunnable (it fails the check, with the reason), or
   * not runnable by this bench (a harness error: a module the bench's python3 lacks, no javac).
   */
  private Program program(String part) throws IOException, HarnessException {
    Optional<Program> program;
    try {
      program = copy.program(part);
    } catch (Submission.NotGradableException e) {
      throw new HarnessException(e.getMessage());
    }
    if (program.isEmpty()) {
      throw new MissingPartException(part);
    }
    if (program.get().notGraded() != null) {
      throw new HarnessException(program.get().notGraded());
    }
    return program.get();
  }

  /**
   * The build step of a hand-in (javac for its Java parts), once, before the checks: through the
   * same seam as the programs, on the client's host, in the copy, with a longer limit than a run.
   */
  private void prepare(List<Check> checks) {
    List<String> parts = checks.stream().map(Check::part).distinct().toList();
    Duration buildLimit =
        limit.multipliedBy(3).compareTo(Duration.ofSeconds(60)) > 0
            ? limit.multipliedBy(3)
            : Duration.ofSeconds(60);
    try {
      copy.prepare(parts, (command, readOnly) -> tool(command, readOnly, buildLimit));
    } catch (IOException e) {
      say(progress, "  the build step failed: " + lab3.report.Failures.describe(e));
    }
    for (String part : parts) { // how each file was read, or why it cannot run
      String how;
      try {
        how = copy.program(part).map(p -> "taken for " + p.takenFor()).orElse("absent");
      } catch (IOException e) {
        how = e.getMessage();
      }
      say(progress, "  " + part + ": " + how);
    }
  }

  /**
   * Runs a build step of the hand-in's (javac) where its programs run, contained like them: a
   * compiler reads the hand-in's sources and {@code lib/}, which are untrusted too.
   */
  private ProcessRunner.Result tool(List<String> command, List<Path> readOnly, Duration limit)
      throws IOException {
    try {
      return runContained("javac", command, outsideCopy(readOnly), new byte[0], limit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while building the hand-in");
    } catch (IOException e) {
      throw e;
    } catch (Exception e) { // the sandbox could not be made: a harness error, said as one
      throw new IOException(lab3.report.Failures.describe(e), e);
    } finally {
      programs.clear(); // a build step's limits are its own, not the first check's
    }
  }

  /** Runs every check once and returns their results in order. */
  public List<CheckResult> grade(List<Check> checks) {
    return grade(checks, 0, CHECKS_AT_ONCE);
  }

  /**
   * Runs every check and returns their results in order. A timing-sensitive check that fails is run
   * again, up to {@code retries} more times: passed on a re-run, it is flaky; a check never re-runs
   * after a harness error or when its program is missing.
   */
  public List<CheckResult> grade(List<Check> checks, int retries, int atOnce) {
    prepare(checks);
    java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(atOnce);
    List<java.util.concurrent.Future<CheckResult>> running = new ArrayList<>();
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (Check check : checks) {
        running.add(
            threads.submit(
                () -> {
                  slots.acquire();
                  try {
                    return new Bench(this, check).gradeOne(check, retries);
                  } finally {
                    slots.release();
                  }
                }));
      }
      List<CheckResult> results = new ArrayList<>();
      for (var r : running) {
        try {
          results.add(r.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("grading interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      return results;
    }
  }

  /** One check with its re-runs; its progress line is printed whole when it is decided. */
  private CheckResult gradeOne(Check check, int retries) {
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    CheckResult.Status status = null;
    while (status == null) {
      Attempt attempt = attempt(check);
      if (attempt.reason() == null) {
        status = failures.isEmpty() ? CheckResult.Status.PASSED : CheckResult.Status.FLAKY;
      } else {
        failures.add(attempt.reason());
        if (attempt.harness()) {
          status = CheckResult.Status.HARNESS_ERROR;
        } else if (!attempt.retryable() || !check.timingSensitive() || failures.size() > retries) {
          status = CheckResult.Status.FAILED;
        }
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    int attempts = failures.size() + (status.equals(CheckResult.Status.FLAKY) ? 1 : 0);
    String verdict =
        switch (status) {
          case PASSED -> check.advice() ? "ok (advice)" : "ok";
          case FLAKY -> "ok (flaky: passed on attempt " + (failures.size() + 1) + ")";
          case FAILED ->
              (check.advice() ? "failed (advice, not scored)" : "FAILED")
                  + (attempts > 1 ? " (" + attempts + " attempts)" : "");
          case HARNESS_ERROR -> "HARNESS ERROR (not the hand-in's fault)";
        };
    synchronized (progress) {
      progress.println("  " + check.part() + ": " + check.name() + " ... " + verdict);
      progress.flush();
    }
    String reason = failures.isEmpty() ? null : failures.getLast();
    if (status == CheckResult.Status.FLAKY) {
      reason = "passed on attempt " + attempts + "; before: " + String.join("; ", failures);
    }
    boolean advice = check.advice() && !policy.is("advice.scored", "yes");
    return new CheckResult(
        check.part(), check.name(), status, reason, elapsed, Math.max(1, attempts), advice);
  }

  /** One run of a check: null reason if it passed. */
  private record Attempt(String reason, boolean harness, boolean retryable) {}

  private Attempt attempt(Check check) {
    Attempt attempt;
    try {
      attempt = new Attempt(check.run(this), false, true);
    } catch (MissingPartException | Submission.UnrunnableException e) {
      attempt = new Attempt(e.getMessage(), false, false);
    } catch (HarnessException e) {
      attempt = new Attempt("the bench failed: " + e.getMessage(), true, false);
    } catch (Exception e) {
      attempt =
          new Attempt("the check could not run: " + lab3.report.Failures.describe(e), false, true);
    } finally {
      closeTracked();
    }
    // A program that went beyond a limit fails the check, whatever else it did, and says which.
    Optional<String> over = limitExceeded();
    programs.clear();
    if (over.isPresent() && !attempt.harness()) {
      return new Attempt(over.get(), false, false);
    }
    if (attempt.reason() != null && !attempt.harness()) {
      Optional<Path> big = sandbox.fileAtLimit();
      if (big.isPresent()) {
        return new Attempt(
            attempt.reason()
                + " (its file "
                + big.get()
                + " reached the file-size limit of "
                + Limits.describe(sandbox.limits().fileSize())
                + ")",
            false,
            false);
      }
    }
    return attempt;
  }

  private void closeTracked() {
    for (Closeable c : cleanup.reversed()) {
      try {
        c.close();
      } catch (IOException | RuntimeException ignored) {
        // best effort: nothing of a check outlives it
      }
    }
    cleanup.clear();
  }

  @Override
  public void close() throws IOException {
    closeTracked();
    sandbox.close(); // the hand-in's cgroup, now that its programs' are gone
    try (Stream<Path> files = Files.walk(workDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path dest = to.resolve(from.relativize(source).toString());
        if (Files.isSymbolicLink(source)) {
          continue; // links are not part of a hand-in
        }
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** The bench itself failed: the check says nothing about the hand-in. */
  static final class HarnessException extends Exception {
    HarnessException(String message) {
      super(message);
    }
  }

  /** The hand-in's program could not be started (not executable, bad interpreter line). */
  static final class ProgramException extends IOException {
    ProgramException(String part, IOException cause) {
      super(part + " could not be started: " + lab3.report.Failures.describe(cause), cause);
    }
  }

  /** The submission has no program for a part. */
  static final class MissingPartException extends IOException {
    MissingPartException(String part) {
      super("no " + part + " program in the submission");
    }
  }
}
