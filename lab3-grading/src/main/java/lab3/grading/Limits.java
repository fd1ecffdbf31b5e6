package lab3.grading;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one program of a hand-in may use, beside the wall-clock limit of a check ({@code
 * --timeout}). The defaults suit this lab: a Python or Java client needs well under 512 MiB and a
 * few dozen threads, prints a few kilobytes and writes no file larger than a certificate.
 *
 * <p>How each is enforced, and why not otherwise:
 *
 * <ul>
 *   <li>{@code memory} and {@code processes}: a cgroup per program ({@link ProgramCgroup}), which
 *       counts every process and thread the program starts, together. Not {@code RLIMIT_AS}: a JVM
 *       reserves far more address space than it uses and does not start under 512 MiB of it. Not
 *       {@code RLIMIT_NPROC}: it counts every process of the user id, so the programs of hand-ins
 *       graded in parallel (one sandbox user) would share it. A Java program is also told its
 *       memory ({@code -XX:MaxRAM}), since a JVM does not see a cgroup v1 limit and would size its
 *       heap from the machine's memory.
 *   <li>{@code cpuTime} and {@code fileSize}: {@code RLIMIT_CPU} and {@code RLIMIT_FSIZE}
 *       (util-linux {@code prlimit}), per process: they work as meant, the kernel sends {@code
 *       SIGXCPU} or {@code SIGXFSZ}.
 *   <li>{@code output}: what the bench reads of stdout and of stderr; beyond it, bytes are counted
 *       and dropped, never kept.
 *   <li>{@code handInMemory}: the memory of all the programs of one hand-in at once (the bench runs
 *       a few checks at the same time): a cgroup per hand-in, above the programs' own ({@link
 *       ProgramCgroup#forHandIn}).
 * </ul>
 *
 * A program that goes beyond one fails its check, with the limit named in the feedback.
 */
public record Limits(
    long memory, int processes, Duration cpuTime, long fileSize, long output, long handInMemory) {
  static final long MIB = 1024L * 1024;

  /**
   * 512 MiB, 256 processes and threads, 60 s of CPU, files of 64 MiB, 64 MiB of output per program;
   * 768 MiB for all the programs of a hand-in at once (a grading engine's default container: the
   * bench runs a few checks at once, each with its programs).
   */
  public static final Limits DEFAULT =
      new Limits(512 * MIB, 256, Duration.ofSeconds(60), 64 * MIB, 64 * MIB, 768 * MIB);

  public Limits {
    if (memory < 16 * MIB) {
      throw new IllegalArgumentException("--memory must be at least 16M");
    }
    if (processes < 8) {
      throw new IllegalArgumentException("--pids must be at least 8");
    }
    if (cpuTime.toSeconds() < 1) {
      throw new IllegalArgumentException("--cpu-time must be at least 1 s");
    }
    if (fileSize < 1 || output < 1024) {
      throw new IllegalArgumentException("--file-size must be positive and --output at least 1K");
    }
    if (handInMemory < 16 * MIB) {
      throw new IllegalArgumentException("--hand-in-memory must be at least 16M");
    }
  }

  /** The same limits with the given grade options ({@code --memory 1G}...) applied. */
  public Limits with(
      String memory, String processes, String cpuTime, String fileSize, String output) {
    return new Limits(
        memory == null ? this.memory : size("--memory", memory),
        processes == null ? this.processes : count("--pids", processes),
        cpuTime == null ? this.cpuTime : Duration.ofSeconds(count("--cpu-time", cpuTime)),
        fileSize == null ? this.fileSize : size("--file-size", fileSize),
        output == null ? this.output : size("--output", output),
        handInMemory);
  }

  /** The same limits with {@code grade --hand-in-memory} applied (null: unchanged). */
  public Limits withHandInMemory(String handInMemory) {
    return handInMemory == null
        ? this
        : new Limits(
            memory, processes, cpuTime, fileSize, output, size("--hand-in-memory", handInMemory));
  }

  /** "512 MiB", "1.5 GiB", "64 KiB": for feedback. */
  public static String describe(long bytes) {
    if (bytes >= 1024 * MIB) {
      return trim(bytes / (1024.0 * MIB)) + " GiB";
    }
    if (bytes >= MIB) {
      return trim(bytes / (double) MIB) + " MiB";
    }
    return trim(bytes / 1024.0) + " KiB";
  }

  private static String trim(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static final Pattern SIZE =
      Pattern.compile("([0-9]+)([KMG]?)(i?B)?", Pattern.CASE_INSENSITIVE);

  /**
   * A size as the options take it, the inverse of how they are read: "512M", "1G", "64K", or bytes
   * (the largest unit that divides it exactly).
   *
   * @param bytes the size
   * @return the size in an option's syntax, e.g. for the defaults in a command's help
   */
  public static String optionSize(long bytes) {
    if (bytes > 0 && bytes % (1024 * MIB) == 0) {
      return bytes / (1024 * MIB) + "G";
    }
    if (bytes > 0 && bytes % MIB == 0) {
      return bytes / MIB + "M";
    }
    if (bytes > 0 && bytes % 1024 == 0) {
      return bytes / 1024 + "K";
    }
    return String.valueOf(bytes);
  }

  /** "512M", "1G", "65536": bytes (K, M, G are powers of 1024). */
  static long size(String what, String value) {
    Matcher m = SIZE.matcher(value.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          what + " is a size such as 512M or 1G, not '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toUpperCase(Locale.ROOT)) {
      case "K" -> n * 1024;
      case "M" -> n * MIB;
      case "G" -> n * 1024 * MIB;
      default -> n;
    };
  }

  private static int count(String what, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is a whole number, not '" + value + "'");
    }
  }
}
