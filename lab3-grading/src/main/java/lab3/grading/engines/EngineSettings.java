package lab3.grading.engines;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the course staff set when they package the bench for an engine, written into the package as
 * {@code lab3-engine.properties} and read by every job: the bench's limits (time per program run,
 * checks at once, re-runs of a failed timing-sensitive check, memory of the hand-in's programs
 * together), the parts graded, the parts whose checks Gradescope shows only after the due date, and
 * an optional limit on re-submissions (Gradescope's {@code previous_submissions}). Made by {@link
 * #builder()}, validated there.
 */
public final class EngineSettings {
  static final String FILE = "lab3-engine.properties";

  /** The longest time limit of one program run an engine's job allows, in seconds. */
  public static final int MAX_TIMEOUT_SECONDS = 600;

  /** The most checks at once in an engine's container (about half a CPU, 768 MB). */
  public static final int MAX_CHECKS_AT_ONCE = 8;

  /** The most re-runs of a failed timing-sensitive check in an engine's job. */
  public static final int MAX_RETRIES = 5;

  private final double timeoutSeconds;
  private final int checksAtOnce;
  private final int retries;
  private final String handInMemory;
  private final List<String> parts;
  private final Set<String> hiddenParts;
  private final int submissionsPerWindow;
  private final int windowHours;

  private EngineSettings(Builder b) {
    this.timeoutSeconds = b.timeoutSeconds;
    this.checksAtOnce = b.checksAtOnce;
    this.retries = b.retries;
    this.handInMemory = b.handInMemory;
    this.parts = List.copyOf(b.parts);
    this.hiddenParts = Set.copyOf(b.hiddenParts);
    this.submissionsPerWindow = b.submissionsPerWindow;
    this.windowHours = b.windowHours;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings a package gets when the staff set nothing: what {@code grader-package --help}
   * states as each option's default.
   */
  public static EngineSettings defaults() {
    return builder().build();
  }

  /** Time limit of one program run, in seconds (the bench's --timeout). */
  public double timeoutSeconds() {
    return timeoutSeconds;
  }

  /** Checks run at once (the bench's --checks-at-once): 2 fits an engine's half CPU. */
  public int checksAtOnce() {
    return checksAtOnce;
  }

  /**
   * Re-runs of a failed timing-sensitive check (the bench's --retries): 1, as grade-class, since an
   * engine's half CPU makes bad luck of timing likelier than on a machine of one's own.
   */
  public int retries() {
    return retries;
  }

  /** Memory of the hand-in's programs together (the bench's --hand-in-memory). */
  public String handInMemory() {
    return handInMemory;
  }

  /** The parts graded; empty for all. */
  public List<String> parts() {
    return parts;
  }

  /** Parts whose checks Gradescope shows after the due date only. */
  public Set<String> hiddenParts() {
    return hiddenParts;
  }

  /** Submissions graded per window (0: no limit). */
  public int submissionsPerWindow() {
    return submissionsPerWindow;
  }

  /** The window of the limit, in hours. */
  public int windowHours() {
    return windowHours;
  }

  /** The bench's own options for these settings. */
  List<String> benchOptions() {
    List<String> options = new ArrayList<>();
    options.addAll(List.of("--timeout", Double.toString(timeoutSeconds)));
    options.addAll(List.of("--checks-at-once", Integer.toString(checksAtOnce)));
    options.addAll(List.of("--retries", Integer.toString(retries)));
    options.addAll(List.of("--hand-in-memory", handInMemory));
    if (!parts.isEmpty()) {
      options.addAll(List.of("--parts", String.join(",", parts)));
    }
    return options;
  }

  /** The file's text. */
  String text() throws IOException {
    Properties p = new Properties();
    p.setProperty("timeout", Double.toString(timeoutSeconds));
    p.setProperty("checks-at-once", Integer.toString(checksAtOnce));
    p.setProperty("retries", Integer.toString(retries));
    p.setProperty("hand-in-memory", handInMemory);
    p.setProperty("parts", String.join(",", parts));
    p.setProperty("hidden-parts", String.join(",", new TreeSet<>(hiddenParts)));
    p.setProperty("submissions-per-window", Integer.toString(submissionsPerWindow));
    p.setProperty("window-hours", Integer.toString(windowHours));
    StringWriter w = new StringWriter();
    p.store(w, "Lab3 bench settings for a grading engine (./lab3 grader-package --help)");
    return w.toString();
  }

  /** Reads {@code dir/lab3-engine.properties}; the defaults if there is none. */
  static EngineSettings read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return builder().build();
    }
    Properties p = new Properties();
    p.load(new StringReader(Files.readString(file)));
    Builder b = builder(); // a key the file lacks keeps the builder's default
    if (p.containsKey("timeout")) {
      b.timeoutSeconds(Double.parseDouble(p.getProperty("timeout")));
    }
    if (p.containsKey("checks-at-once")) {
      b.checksAtOnce(Integer.parseInt(p.getProperty("checks-at-once")));
    }
    if (p.containsKey("retries")) {
      b.retries(Integer.parseInt(p.getProperty("retries")));
    }
    if (p.containsKey("hand-in-memory")) {
      b.handInMemory(p.getProperty("hand-in-memory"));
    }
    b.parts(list(p.getProperty("parts", "")));
    b.hiddenParts(list(p.getProperty("hidden-parts", "")));
    b.submissionLimit(
        Integer.parseInt(p.getProperty("submissions-per-window", "0")),
        Integer.parseInt(p.getProperty("window-hours", "24")));
    return b.build();
  }

  /** A comma-separated option value ({@code --parts Part2,Part3}) as a list; blank: empty. */
  public static List<String> list(String commaSeparated) {
    return commaSeparated.isBlank()
        ? List.of()
        : List.of(commaSeparated.strip().split("\\s*,\\s*"));
  }

  /** Settings with defaults that fit an engine's default container (768 MB, half a CPU). */
  public static final class Builder {
    private double timeoutSeconds = 20;
    private int checksAtOnce = 2;
    private int retries = 1;
    private String handInMemory = "512M";
    private List<String> parts = List.of();
    private Set<String> hiddenParts = Set.of();
    private int submissionsPerWindow;
    private int windowHours = 24;

    private Builder() {}

    public Builder timeoutSeconds(double seconds) {
      if (!(seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
        throw new IllegalArgumentException(
            "--timeout is above 0 and at most " + MAX_TIMEOUT_SECONDS + " s in an engine");
      }
      this.timeoutSeconds = seconds;
      return this;
    }

    public Builder checksAtOnce(int n) {
      if (n < 1 || n > MAX_CHECKS_AT_ONCE) {
        throw new IllegalArgumentException(
            "--checks-at-once is 1 to " + MAX_CHECKS_AT_ONCE + " in an engine, not " + n);
      }
      this.checksAtOnce = n;
      return this;
    }

    public Builder retries(int k) {
      if (k < 0 || k > MAX_RETRIES) {
        throw new IllegalArgumentException(
            "--retries is 0 to " + MAX_RETRIES + " in an engine, not " + k);
      }
      this.retries = k;
      return this;
    }

    public Builder handInMemory(String size) {
      if (!size.matches("[0-9]+[KMG]?")) {
        throw new IllegalArgumentException(
            "--hand-in-memory is a size like 512M, not '" + size + "'");
      }
      this.handInMemory = size;
      return this;
    }

    public Builder parts(List<String> parts) {
      this.parts = checkedParts(parts);
      return this;
    }

    public Builder hiddenParts(List<String> parts) {
      this.hiddenParts = Set.copyOf(checkedParts(parts));
      return this;
    }

    /** At most {@code submissions} graded per {@code hours} (0 submissions: no limit). */
    public Builder submissionLimit(int submissions, int hours) {
      if (submissions < 0 || hours < 1) {
        throw new IllegalArgumentException(
            "the limit is 0 or more submissions per 1 or more hours");
      }
      this.submissionsPerWindow = submissions;
      this.windowHours = hours;
      return this;
    }

    private static List<String> checkedParts(List<String> parts) {
      for (String p : parts) {
        if (!GradedHandIn.PARTS.contains(p)) {
          throw new IllegalArgumentException(
              "no part '" + p + "': the parts are " + String.join(", ", GradedHandIn.PARTS));
        }
      }
      return List.copyOf(parts);
    }

    public EngineSettings build() {
      return new EngineSettings(this);
    }
  }
}
