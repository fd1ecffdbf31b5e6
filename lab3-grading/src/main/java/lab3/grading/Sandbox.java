package lab3.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * How a hand-in's program runs: contained, so that it can read, write and keep nothing of the
 * grading host. Every program the bench starts (and any compile step) goes through {@link
 * #prepare}.
 *
 * <p><b>What a program sees</b> ({@link Mode#BUBBLEWRAP}, the default): a file system of its own,
 * made by <a href="https://github.com/containers/bubblewrap">bubblewrap</a>, the sandbox under
 * Flatpak, kept by the containers project and packaged by every distribution: {@code /usr}
 * read-only (the interpreters and the JDK with their libraries, and {@code /bin}, {@code /lib}...
 * as the host has them), a handful of files of {@code /etc} that programs need to run and resolve
 * names ({@code hosts}, {@code resolv.conf}, {@code nsswitch.conf}, {@code gai.conf}, the loader's
 * cache, {@code alternatives}, the CA certificates, the JDK's configuration) and a {@code passwd}
 * and {@code group} that name only {@code root} and {@code nobody}; a private, small {@code /tmp}
 * and {@code /dev/shm}, its own {@code /proc} and a minimal {@code /dev}; extra read-only paths the
 * caller names (an interpreter outside {@code /usr}); and the bench's copy of the hand-in, at the
 * same path as on the host, as the only place it can write ({@code lib/} in it read-only). Nothing
 * else: no {@code /root} or home, no {@code /etc/shadow}, no other hand-in, no output of the bench,
 * no Lab3 checkout, no environment variable of the bench.
 *
 * <p><b>Who it is</b>: user 65534 ({@code nobody}) on the host, without any capability. Run as
 * root, the bench drops to it with util-linux {@code setpriv} <em>before</em> bubblewrap starts:
 * bubblewrap 0.8 started as root with {@code --uid} alone keeps host uid 0 (it maps the sandbox's
 * uid onto root's) and reads root-only files; started as an ordinary user it must make a user
 * namespace, in which it has no power over the host. A bench that is not root already runs as an
 * ordinary user: bubblewrap alone does it.
 *
 * <p><b>What lives and dies with it</b>: a PID namespace of its own ({@code --unshare-pid}), so it
 * sees and can signal or trace only its own processes, never the bench's or another hand-in's; when
 * the bench kills it, bubblewrap's first process dies ({@code --die-with-parent}) and the kernel
 * kills every process of the namespace, daemons in sessions of their own included ({@code
 * --new-session} also keeps it off the bench's terminal). The limits ({@link Limits}) are a cgroup
 * per program ({@link ProgramCgroup}), joined before privileges drop, and rlimits.
 *
 * <p><b>The network is left as it is</b>: the program runs in the namespace the bench gives it
 * ({@code pc} of the hand-in's lab network, or the bench's own), so what it reaches is unchanged.
 * {@code /etc/hosts} is the one of that namespace ({@code ip netns exec} binds the lab's over it)
 * unless the caller shows another ({@link Builder#hosts}).
 *
 * <p><b>Other modes.</b> {@link Mode#CONTAINER}: inside a grading engine's container that holds one
 * submission and nothing secret, the container is the sandbox; programs still run as {@code nobody}
 * without capabilities when the bench is root, under the same limits, but see the container's file
 * system. {@link Mode#NONE} ({@code --unsafe-no-sandbox}): programs run as the bench does, under
 * the limits only; every report says so.
 */
public final class Sandbox {
  /** How programs are contained. */
  public enum Mode {
    /** bubblewrap, as an unprivileged user: see the class's Javadoc. */
    BUBBLEWRAP,
    /** The container the bench runs in is the sandbox; programs run unprivileged in it. */
    CONTAINER,
    /** No containment ({@code --unsafe-no-sandbox}): the limits only. */
    NONE
  }

  /** The host user programs run as: {@code nobody}. */
  static final int UID = 65534;

  private static final String PATH = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";

  /** The few files of {@code /etc} a program needs (those present are shown, read-only). */
  private static final List<String> ETC =
      List.of(
          "hosts",
          "resolv.conf",
          "nsswitch.conf",
          "gai.conf",
          "host.conf",
          "ld.so.cache",
          "ld.so.conf",
          "ld.so.conf.d",
          "alternatives",
          "localtime",
          "mime.types",
          "ssl/certs",
          "ssl/openssl.cnf",
          "ca-certificates",
          "python3",
          "pki/tls/certs");

  private final Mode mode;
  private final Path home;
  private final List<Path> readOnly;
  private final Path hosts;
  private final Path gaiConf;
  private final Limits limits;
  private final boolean root;
  private final Path etc;
  private final String bwrap;

  private Sandbox(Builder b) throws IOException {
    this.mode = b.mode;
    this.home = b.home;
    this.readOnly = List.copyOf(b.readOnly);
    this.hosts = b.hosts;
    this.gaiConf = b.gaiConf;
    this.limits = b.limits;
    this.root = realRoot();
    this.bwrap = b.bwrap;
    this.etc = mode == Mode.BUBBLEWRAP ? accounts(b.scratch) : null;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Mode mode() {
    return mode;
  }

  Limits limits() {
    return limits;
  }

  /** The one folder a program may write: the bench's copy of the hand-in. */
  public Path home() {
    return home;
  }

  /** The cgroup of the hand-in this sandbox runs the programs of, made at its first program. */
  private ProgramCgroup.HandIn handIn;

  private boolean handInTried;

  private synchronized ProgramCgroup.HandIn handIn() throws IOException {
    if (!handInTried) {
      handInTried = true;
      handIn = ProgramCgroup.forHandIn(limits).orElse(null);
    }
    return handIn;
  }

  /** Removes the hand-in's cgroup (call after its last program: the bench does, at its close). */
  synchronized void close() {
    if (handIn != null) {
      handIn.close();
      handIn = null;
    }
  }

  /** A program ready to start, and the cgroup it will join (null where there is none). */
  record Prepared(ProcessBuilder builder, ProgramCgroup cgroup) {}

  /**
   * The process that runs {@code program} contained: {@code network} places the contained command
   * in the network namespace (e.g. {@code ip netns exec pc ...}, run as root); the limits go around
   * it (joining the cgroup must be done by root, before privileges drop). Call {@link
   * ProgramCgroup#close()} after the program (the {@link ProcessRunner} does).
   *
   * @param extraReadOnly paths outside {@code /usr} this program needs to read (its interpreter)
   */
  Prepared prepare(
      List<String> program,
      List<Path> extraReadOnly,
      Function<List<String>, ProcessBuilder> network)
      throws IOException {
    if (program.isEmpty()) {
      throw new IllegalArgumentException("no program to run");
    }
    handOver();
    ProcessBuilder builder = network.apply(contained(program, extraReadOnly));
    ProgramCgroup cgroup = ProgramCgroup.create(limits, handIn()).orElse(null);
    List<String> outside = new ArrayList<>();
    if (cgroup != null) {
      outside.addAll(cgroup.join());
    }
    outside.addAll(
        List.of(
            "prlimit",
            "--cpu=" + limits.cpuTime().toSeconds() + ":" + (limits.cpuTime().toSeconds() + 1),
            "--fsize=" + limits.fileSize(),
            "--core=0",
            "--"));
    outside.addAll(builder.command());
    builder.command(outside);
    builder.directory(home.toFile());
    if (mode == Mode.CONTAINER) {
      builder.environment().clear();
    }
    if (mode != Mode.BUBBLEWRAP) {
      builder.environment().putAll(environment());
    }
    return new Prepared(builder, cgroup);
  }

  /** The command that runs {@code program} as the sandbox's user, in the network given. */
  List<String> contained(List<String> program, List<Path> extraReadOnly) {
    List<String> command = new ArrayList<>();
    if (root && mode != Mode.NONE) {
      command.addAll(
          List.of(
              "setpriv",
              "--reuid",
              String.valueOf(UID),
              "--regid",
              String.valueOf(UID),
              "--clear-groups",
              "--inh-caps=-all",
              "--bounding-set=-all"));
    }
    if (mode == Mode.BUBBLEWRAP) {
      command.addAll(bubblewrap(extraReadOnly));
    }
    command.addAll(program);
    return command;
  }

  private List<String> bubblewrap(List<Path> extraReadOnly) {
    List<String> b = new ArrayList<>(List.of(bwrap, "--unshare-user"));
    if (!root) {
      // An ordinary user (or root of a user namespace): a uid other than 0 inside keeps bubblewrap
      // from keeping capabilities in the sandbox.
      b.addAll(List.of("--uid", String.valueOf(UID), "--gid", String.valueOf(UID)));
    }
    b.addAll(
        List.of(
            "--unshare-pid",
            "--unshare-ipc",
            "--unshare-uts",
            "--unshare-cgroup-try",
            "--die-with-parent",
            "--new-session",
            "--ro-bind",
            "/usr",
            "/usr"));
    for (String top : List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32")) {
      Path p = Path.of("/", top);
      if (Files.isSymbolicLink(p)) {
        try {
          b.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), p.toString()));
        } catch (IOException e) {
          // not shown
        }
      } else if (Files.isDirectory(p)) {
        b.addAll(List.of("--ro-bind", p.toString(), p.toString()));
      }
    }
    for (String name : ETC) {
      b.addAll(List.of("--ro-bind-try", "/etc/" + name, "/etc/" + name));
    }
    try (DirectoryStream<Path> java = Files.newDirectoryStream(Path.of("/etc"), "java*")) {
      for (Path p : java) {
        b.addAll(List.of("--ro-bind", p.toString(), p.toString()));
      }
    } catch (IOException e) {
      // no JDK configuration under /etc
    }
    b.addAll(List.of("--ro-bind", etc.resolve("passwd").toString(), "/etc/passwd"));
    b.addAll(List.of("--ro-bind", etc.resolve("group").toString(), "/etc/group"));
    if (hosts != null) {
      b.addAll(List.of("--ro-bind", hosts.toString(), "/etc/hosts"));
    }
    if (gaiConf != null) {
      b.addAll(List.of("--ro-bind", gaiConf.toString(), "/etc/gai.conf"));
    }
    String tmpSize = String.valueOf(Math.max(limits.fileSize(), 16 * Limits.MIB));
    b.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
    b.addAll(List.of("--size", tmpSize, "--tmpfs", "/dev/shm"));
    b.addAll(List.of("--size", tmpSize, "--tmpfs", "/tmp"));
    b.addAll(List.of("--bind", home.toString(), home.toString()));
    b.addAll(
        List.of("--ro-bind-try", home.resolve("lib").toString(), home.resolve("lib").toString()));
    for (Path p : readOnly) {
      b.addAll(List.of("--ro-bind-try", p.toString(), p.toString()));
    }
    for (Path p : extraReadOnly) {
      b.addAll(List.of("--ro-bind-try", p.toString(), p.toString()));
    }
    b.addAll(List.of("--chdir", home.toString(), "--clearenv"));
    environment().forEach((k, v) -> b.addAll(List.of("--setenv", k, v)));
    b.add("--");
    return b;
  }

  /** The program's whole environment in the sandbox: nothing of the bench's. */
  private java.util.Map<String, String> environment() {
    java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
    env.put("PATH", PATH);
    env.put("HOME", mode == Mode.BUBBLEWRAP ? "/tmp" : home.toString());
    env.put("TMPDIR", mode == Mode.BUBBLEWRAP ? "/tmp" : home.toString());
    env.put("LANG", "C.UTF-8");
    env.put("PYTHONUNBUFFERED", "1");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    // A JVM sees no cgroup v1 limit and would size its heap from the machine's memory.
    env.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAM=" + limits.memory() / 1024 + "k");
    return env;
  }

  /**
   * Readies the copy of the hand-in for the next program. Removes every symbolic link in it: a
   * hand-in brings none (links are not copied), so a link there was made by a program, perhaps to
   * have the bench, as root, read or write a host file through it. And, as root, gives the copy to
   * the sandbox's user, so that it can write there and read what the bench wrote for it (Part 6's
   * key, which is {@code rw-------}); links are never followed.
   */
  public void handOver() throws IOException {
    boolean chown = root && mode != Mode.NONE;
    UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
    var user = chown ? users.lookupPrincipalByName(String.valueOf(UID)) : null;
    var group = chown ? users.lookupPrincipalByGroupName(String.valueOf(UID)) : null;
    try (Stream<Path> files = Files.walk(home)) {
      for (Path p : files.toList()) {
        try {
          if (Files.isSymbolicLink(p)) {
            Files.deleteIfExists(p);
            continue;
          }
          if (!chown) {
            continue;
          }
          PosixFileAttributeView view =
              Files.getFileAttributeView(
                  p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
          if (!user.equals(view.getOwner())) {
            view.setOwner(user);
            view.setGroup(group);
          }
        } catch (IOException e) {
          // gone meanwhile
        }
      }
    } catch (java.io.UncheckedIOException e) {
      // a folder removed while walking: the next program's hand-over sees the rest
    }
  }

  /**
   * Why programs cannot be contained here (one line), or empty if they can: found by running {@code
   * true} in this sandbox, as every program will be.
   */
  public Optional<String> unavailableReason() throws InterruptedException {
    if (mode == Mode.NONE) {
      return Optional.empty();
    }
    List<String> probe = contained(List.of("true"), List.of());
    String tool = probe.contains(bwrap) ? "bubblewrap (" + bwrap + ")" : probe.getFirst();
    for (String needed : probe.subList(0, probe.indexOf("true"))) {
      if ((needed.equals(bwrap) || needed.equals("setpriv")) && !installed(needed)) {
        return Optional.of(
            (needed.equals(bwrap) ? tool : needed)
                + " is not installed"
                + (needed.equals(bwrap) ? " (Debian/Ubuntu: apt-get install bubblewrap)" : ""));
      }
    }
    try {
      Process p =
          new ProcessBuilder(probe).directory(home.toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] said = p.getInputStream().readNBytes(4096);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.of(tool + " did not start a program within 10 s");
      }
      if (p.exitValue() != 0) {
        String first =
            new String(said, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
        return Optional.of(
            tool
                + " cannot make a sandbox here"
                + (first.isEmpty() ? "" : " (" + first + ")")
                + (root ? "" : "; it needs user namespaces"));
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(
          tool
              + " is not installed"
              + (tool.startsWith("bubblewrap")
                  ? " (Debian/Ubuntu: apt-get install bubblewrap)"
                  : ""));
    }
  }

  /**
   * A file of the copy that reached the file-size limit, if any: a program that ignores {@code
   * SIGXFSZ} (Python does) gets an error instead ({@code EFBIG}), and may report it as its own.
   */
  Optional<Path> fileAtLimit() {
    try (Stream<Path> files = Files.walk(home)) {
      return files
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(
              p -> {
                try {
                  return Files.size(p) >= limits.fileSize();
                } catch (IOException e) {
                  return false;
                }
              })
          .findFirst()
          .map(home::relativize);
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /**
   * The first folder on the way to {@code path} that the sandbox's user cannot enter, if any: then
   * bubblewrap, started as that user, cannot show {@code path} (an interpreter under {@code /root},
   * say). Only the bench as root drops to another user; otherwise nothing is in the way.
   */
  Optional<Path> closedOnTheWayTo(Path path) {
    if (!root || mode != Mode.BUBBLEWRAP) {
      return Optional.empty();
    }
    Path at = path.getRoot();
    for (Path name : path) {
      at = at.resolve(name);
      try {
        var attributes =
            Files.readAttributes(
                at, java.nio.file.attribute.PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isDirectory()
            && !attributes
                .permissions()
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
          return Optional.of(at);
        }
      } catch (IOException e) {
        return Optional.empty(); // not there: bubblewrap's --ro-bind-try skips it
      }
    }
    return Optional.empty();
  }

  /** True if {@code program} is an executable path or found on the PATH. */
  private static boolean installed(String program) {
    if (program.contains("/")) {
      return Files.isExecutable(Path.of(program));
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse(PATH);
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** True if this process is root of the machine (not root of a user namespace). */
  public static boolean realRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      if (!Integer.valueOf(0).equals(uid)) {
        return false;
      }
      String map = Files.readString(Path.of("/proc/self/uid_map")).strip();
      return map.split("\\s+").length == 3 && map.startsWith("0") && map.contains("4294967295");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  /** A passwd and group naming only root and nobody, in {@code scratch}, for the sandbox. */
  private static Path accounts(Path scratch) throws IOException {
    Path dir = Files.createDirectories(scratch.resolve("sandbox-etc"));
    Files.writeString(
        dir.resolve("passwd"),
        "root:x:0:0:root:/root:/usr/sbin/nologin\n"
            + "nobody:x:65534:65534:nobody:/tmp:/usr/sbin/nologin\n");
    Files.writeString(dir.resolve("group"), "root:x:0:\nnogroup:x:65534:\n");
    for (Path p : List.of(dir, dir.resolve("passwd"), dir.resolve("group"))) {
      Files.setPosixFilePermissions(
          p,
          java.nio.file.attribute.PosixFilePermissions.fromString(
              Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
    }
    return dir;
  }

  /** Settings of a {@link Sandbox}; {@link #home} is required. */
  public static final class Builder {
    private Mode mode = Mode.BUBBLEWRAP;
    private Path home;
    private Path scratch;
    private final List<Path> readOnly = new ArrayList<>();
    private Path hosts;
    private Path gaiConf;
    private Limits limits = Limits.DEFAULT;
    private String bwrap = "bwrap";

    private Builder() {}

    /** The bubblewrap program (default {@code bwrap} on the PATH); tests name a missing one. */
    Builder bubblewrap(String command) {
      this.bwrap = Objects.requireNonNull(command);
      return this;
    }

    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode);
      return this;
    }

    /**
     * The copy of the hand-in, the only writable place; {@code scratch}, a folder of the bench's
     * that the sandbox's user can traverse, holds the sandbox's own {@code passwd} and {@code
     * group}.
     */
    public Builder home(Path home, Path scratch) {
      if (!home.isAbsolute() || !scratch.isAbsolute()) {
        throw new IllegalArgumentException("the sandbox's folders must be absolute paths");
      }
      this.home = home;
      this.scratch = scratch;
      return this;
    }

    /** A path every program may read (read-only, at the same place). */
    Builder readOnly(Path path) {
      if (!path.isAbsolute()) {
        throw new IllegalArgumentException("a read-only path must be absolute: " + path);
      }
      readOnly.add(path);
      return this;
    }

    /** A file shown as {@code /etc/hosts} instead of the network's own. */
    Builder hosts(Path hosts) {
      this.hosts = hosts;
      return this;
    }

    /** A file shown as {@code /etc/gai.conf} instead of the host's. */
    Builder gaiConf(Path gaiConf) {
      this.gaiConf = gaiConf;
      return this;
    }

    Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits);
      return this;
    }

    public Sandbox build() throws IOException {
      if (home == null) {
        throw new IllegalStateException("a sandbox needs the hand-in's copy (home)");
      }
      return new Sandbox(this);
    }
  }
}
