package lab3.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A cgroup for one program of a hand-in: it holds every process and thread the program starts, caps
 * their memory and their number together, tells afterwards whether a cap was hit, and kills
 * whatever is left in it when the check ends. Made by the bench (as root) below its own cgroup, so
 * that whatever limits the bench itself has still apply; removed after the program.
 *
 * <p>cgroup v1 (a {@code memory} and a {@code pids} hierarchy, as on this project's CI machine) and
 * v2 (one hierarchy, {@code /sys/fs/cgroup/cgroup.controllers}) are both handled. Where no cgroup
 * can be made (not root, cgroups read-only in a container), there is none: the memory and process
 * limits are then not enforced, and {@link #unavailableReason()} says why.
 *
 * <p>The program joins it through a tiny {@code sh} that writes its own pid into {@code
 * cgroup.procs} and then {@code exec}s the rest of the command line: the program is in the cgroup
 * from its first instruction, before privileges drop, with nothing to race against. {@code cgexec}
 * (cgroup-tools) would do the same with one more package and a configuration syntax of its own.
 */
public final class ProgramCgroup implements AutoCloseable {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The folders under which the programs' cgroups are made, once found; or why none. */
  private static volatile Parents parents;

  private record Parents(boolean v2, Path memory, Path pids, String unavailable) {}

  private final boolean v2;
  private final List<Path> dirs;
  private final Limits limits;
  private Optional<String> exceeded;
  private boolean closed;

  private ProgramCgroup(boolean v2, List<Path> dirs, Limits limits) {
    this.v2 = v2;
    this.dirs = dirs;
    this.limits = limits;
  }

  /** Why no cgroup can be made here, or empty if cgroups limit the programs. */
  public static Optional<String> unavailableReason() {
    return Optional.ofNullable(parents().unavailable());
  }

  /** A new cgroup with {@code limits}, or empty where cgroups cannot be made. */
  static Optional<ProgramCgroup> create(Limits limits) throws IOException {
    return create(limits, null);
  }

  /**
   * The cgroup of one hand-in, which the cgroups of its programs are made in ({@link
   * #create(Limits, HandIn)}): it caps the memory of all of them at once at {@link
   * Limits#handInMemory()}, so that checks run together cannot take more than the hand-in's share.
   * It holds no process itself. Empty where cgroups cannot be made.
   */
  static Optional<HandIn> forHandIn(Limits limits) throws IOException {
    Parents p = parents();
    if (p.unavailable() != null) {
      return Optional.empty();
    }
    Path dir =
        Files.createDirectory(
            p.memory().resolve(HAND_IN + HexFormat.of().toHexDigits(RANDOM.nextLong())));
    if (p.v2()) {
      Files.writeString(dir.resolve("cgroup.subtree_control"), "+memory +pids");
      write(dir.resolve("memory.max"), limits.handInMemory());
      tryWrite(dir.resolve("memory.swap.max"), "0");
    } else {
      write(dir.resolve("memory.limit_in_bytes"), limits.handInMemory());
      tryWrite(dir.resolve("memory.memsw.limit_in_bytes"), String.valueOf(limits.handInMemory()));
    }
    return Optional.of(new HandIn(dir));
  }

  /** A hand-in's cgroup ({@link #forHandIn}); closing removes it, once its programs' are gone. */
  record HandIn(Path dir) implements AutoCloseable {
    @Override
    public void close() {
      try {
        Files.delete(dir);
      } catch (IOException e) {
        // a program's cgroup still being removed: swept later (see sweep)
      }
    }
  }

  /** The name of hand-in cgroups begins so; a program's cgroup's with {@code lab3-}. */
  private static final String HAND_IN = "lab3hand-";

  /**
   * A new cgroup with {@code limits} for one program, in the cgroup of its hand-in if given, or
   * empty where cgroups cannot be made.
   */
  static Optional<ProgramCgroup> create(Limits limits, HandIn handIn) throws IOException {
    Parents p = parents();
    if (p.unavailable() != null) {
      return Optional.empty();
    }
    String name = "lab3-" + HexFormat.of().toHexDigits(RANDOM.nextLong());
    Path memoryParent = handIn == null ? p.memory() : handIn.dir();
    if (p.v2()) {
      Path dir = Files.createDirectory(memoryParent.resolve(name));
      ProgramCgroup group = new ProgramCgroup(true, List.of(dir), limits);
      write(dir.resolve("memory.max"), limits.memory());
      tryWrite(dir.resolve("memory.swap.max"), "0");
      write(dir.resolve("pids.max"), limits.processes());
      return Optional.of(group);
    }
    Path memory = Files.createDirectory(memoryParent.resolve(name));
    Path pids = Files.createDirectory(p.pids().resolve(name));
    ProgramCgroup group = new ProgramCgroup(false, List.of(memory, pids), limits);
    write(memory.resolve("memory.limit_in_bytes"), limits.memory());
    tryWrite(memory.resolve("memory.memsw.limit_in_bytes"), String.valueOf(limits.memory()));
    write(pids.resolve("pids.max"), limits.processes());
    return Optional.of(group);
  }

  /** The head of a command line that puts itself in this cgroup, then runs the rest. */
  List<String> join() {
    StringBuilder script = new StringBuilder();
    for (int i = 1; i <= dirs.size(); i++) {
      script.append("echo $$ > \"$").append(i).append("\" && ");
    }
    script.append("shift ").append(dirs.size()).append(" && exec \"$@\"");
    List<String> command = new ArrayList<>(List.of("sh", "-c", script.toString(), "lab3-limits"));
    for (Path dir : dirs) {
      command.add(dir.resolve("cgroup.procs").toString());
    }
    return command;
  }

  /**
   * Which limit the program went beyond, in words for its feedback ("used more than 512 MiB of
   * memory"), or empty.
   */
  synchronized Optional<String> exceeded() {
    if (exceeded != null) {
      return exceeded;
    }
    Path memoryEvents = dirs.getFirst().resolve(v2 ? "memory.events" : "memory.oom_control");
    Path pidEvents = dirs.getLast().resolve("pids.events");
    if (counter(memoryEvents, "oom_kill") > 0) {
      // Killed in this cgroup: by its own limit if it came near it, else by its hand-in's (the
      // kernel counts the kill where the victim was, whichever cgroup's limit was reached).
      if (peak() < limits.memory() - 4 * Limits.MIB) {
        return Optional.of(
            "was killed when the hand-in's programs together used more than "
                + Limits.describe(limits.handInMemory())
                + " of memory");
      }
      return Optional.of(
          "used more than " + Limits.describe(limits.memory()) + " of memory (killed)");
    }
    if (counter(pidEvents, "max") > 0) {
      return Optional.of(
          "started more than " + limits.processes() + " processes and threads at once");
    }
    return Optional.empty();
  }

  /** Kills every process left in the cgroup, then removes it. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    exceeded = exceeded();
    closed = true;
    Path killFile = dirs.getFirst().resolve("cgroup.kill");
    if (v2 && Files.exists(killFile)) {
      tryWrite(killFile, "1");
    }
    for (int round = 0; round < 500; round++) {
      List<Long> left = processes();
      if (left.isEmpty()) {
        break;
      }
      left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Path dir : dirs) {
      try {
        Files.delete(dir);
      } catch (IOException e) {
        // a process still dying: the kernel keeps an empty cgroup harmlessly until the next boot
      }
    }
  }

  /** The most memory the program used at once, in bytes (the limit if the kernel keeps none). */
  private long peak() {
    Path file = dirs.getFirst().resolve(v2 ? "memory.peak" : "memory.max_usage_in_bytes");
    try {
      return Long.parseLong(Files.readString(file).strip());
    } catch (IOException | NumberFormatException e) {
      return limits.memory();
    }
  }

  private List<Long> processes() {
    List<Long> pids = new ArrayList<>();
    for (Path dir : dirs) {
      try {
        for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
          if (!line.isBlank() && !line.strip().equals("0")) {
            pids.add(Long.parseLong(line.strip()));
          }
        }
      } catch (IOException | NumberFormatException e) {
        // gone
      }
    }
    return pids;
  }

  private static long counter(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        String[] kv = line.strip().split("\\s+");
        if (kv.length == 2 && kv[0].equals(key)) {
          return Long.parseLong(kv[1]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not kept by this kernel
    }
    return 0;
  }

  private static void write(Path file, long value) throws IOException {
    Files.writeString(file, String.valueOf(value));
  }

  private static void tryWrite(Path file, String value) {
    try {
      Files.writeString(file, value);
    } catch (IOException e) {
      // not offered by this kernel (no swap accounting, no cgroup.kill)
    }
  }

  private static Parents parents() {
    Parents p = parents;
    if (p == null) {
      synchronized (ProgramCgroup.class) {
        if (parents == null) {
          parents = find();
        }
        p = parents;
      }
    }
    return p;
  }

  /** Where this process's cgroups are, and whether a child can be made and limited there. */
  private static Parents find() {
    try {
      List<String> own = Files.readAllLines(Path.of("/proc/self/cgroup"));
      if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
        Path dir = under(ROOT, own, "");
        String enabled = Files.readString(dir.resolve("cgroup.subtree_control"));
        if (!enabled.contains("memory") || !enabled.contains("pids")) {
          Files.writeString(dir.resolve("cgroup.subtree_control"), "+memory +pids");
        }
        return probe(new Parents(true, dir, dir, null));
      }
      Path memory = under(ROOT.resolve("memory"), own, "memory");
      Path pids = under(ROOT.resolve("pids"), own, "pids");
      if (!Files.isDirectory(memory) || !Files.isDirectory(pids)) {
        return unavailable("no memory and pids cgroups mounted under /sys/fs/cgroup");
      }
      return probe(new Parents(false, memory, pids, null));
    } catch (java.nio.file.AccessDeniedException e) {
      return unavailable("no cgroup can be made here without root");
    } catch (IOException | RuntimeException e) {
      return unavailable("no cgroup can be made here: " + lab3.report.Failures.describe(e));
    }
  }

  /** The folder of this process's cgroup for {@code controller} ("" for v2) under {@code mount}. */
  private static Path under(Path mount, List<String> own, String controller) {
    for (String line : own) {
      String[] parts = line.split(":", 3);
      if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
        return mount.resolve(parts[2].substring(1));
      }
      if (parts.length == 3 && controller.isEmpty() && parts[0].equals("0")) {
        return mount.resolve(parts[2].substring(1));
      }
    }
    return mount;
  }

  /**
   * Removes the empty cgroups of programs whose bench was killed (by {@code grade-class}'s
   * whole-hand-in limit, say) before it could remove them: a program's cgroup is empty only for the
   * moment between its making and its program joining it, so one empty for a minute is left over.
   */
  private static void sweep(Path parent) {
    long stale = System.currentTimeMillis() - 60_000;
    // A hand-in's cgroup is empty between its programs: one is left over only when its bench was
    // killed, and no bench lives an hour (grade-class's whole-hand-in limit is far below).
    long staleHandIn = System.currentTimeMillis() - 3_600_000;
    try (var handIns = Files.newDirectoryStream(parent, HAND_IN + "*")) {
      for (Path dir : handIns) {
        sweepPrograms(dir, stale);
        try {
          if (Files.getLastModifiedTime(dir).toMillis() < staleHandIn) {
            Files.delete(dir); // refused while a program's cgroup is in it
          }
        } catch (IOException e) {
          // in use, or gone
        }
      }
    } catch (IOException e) {
      // nothing to sweep
    }
    sweepPrograms(parent, stale);
  }

  /** Removes the programs' cgroups in {@code parent} that have been empty since {@code stale}. */
  private static void sweepPrograms(Path parent, long stale) {
    try (var groups = Files.newDirectoryStream(parent, "lab3-*")) {
      for (Path dir : groups) {
        try {
          if (Files.getLastModifiedTime(dir).toMillis() < stale
              && Files.readString(dir.resolve("cgroup.procs")).isBlank()) {
            Files.delete(dir);
          }
        } catch (IOException e) {
          // in use again, or gone
        }
      }
    } catch (IOException e) {
      // nothing to sweep
    }
  }

  private static Parents probe(Parents p) {
    sweep(p.memory());
    if (!p.pids().equals(p.memory())) {
      sweep(p.pids());
    }
    ProgramCgroup group = null;
    try {
      parents = p;
      group = create(Limits.DEFAULT).orElseThrow();
      return p;
    } catch (java.nio.file.AccessDeniedException e) {
      return unavailable("no cgroup can be made here without root");
    } catch (IOException | RuntimeException e) {
      return unavailable("no cgroup can be made here: " + lab3.report.Failures.describe(e));
    } finally {
      parents = null;
      if (group != null) {
        group.close();
      }
    }
  }

  private static Parents unavailable(String why) {
    return new Parents(false, null, null, why);
  }
}
