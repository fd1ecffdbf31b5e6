package lab3.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A hand-in folder {@code Lab3_A_B/} and what runs for each of its parts. For the part {@code
 * Part2} the bench looks, in this order, for:
 *
 * <ul>
 *   <li>{@code Part2_A_B.java}: Java source, compiled once per hand-in with {@code javac} (into
 *       {@code .lab3-build/} of the bench's copy, the folder's {@code lib/*} on the class path when
 *       it has one), then run with {@code java}. Compiled rather than run with the source launcher:
 *       that costs about 1 s of CPU per run, and refuses a file with a {@code package} line on JDK
 *       22+, both common in student files;
 *   <li>{@code Part2_A_B.py}: Python, run with the {@linkplain PythonInterpreter chosen python3};
 *   <li>{@code Part2_A_B.jar}: {@code java -jar};
 *   <li>{@code Part2_A_B} with no extension, the lab's own naming: by its {@code #!} line, whether
 *       or not its executable bit survived the unzip (a Python {@code #!} runs with the chosen
 *       python3, any other with the interpreter it names); with no {@code #!}, by its content:
 *       Python or Java source, or a native executable.
 * </ul>
 *
 * A file that is there but cannot run (Java that does not compile, content the bench cannot tell)
 * is reported as such ({@link UnrunnableException}), never as absent. Only regular files inside the
 * folder count: a link that leads outside it is refused, so a submission cannot make the bench run
 * or read anything else.
 *
 * <p>Adding a language: one more case in {@link #find} (by extension, by {@code #!} or by content)
 * that returns the command line; if it needs a build step, one more case in {@link #prepare}, which
 * runs it through the bench's run seam like {@code javac}.
 */
public final class Submission {
  private static final Pattern FOLDER = Pattern.compile("Lab3_([0-9]{6})_([0-9]{6})");

  /** Where the Java parts are compiled, inside the bench's copy. */
  static final String BUILD = ".lab3-build";

  private final Path dir;
  private final String a;
  private final String b;
  private final String requestedPython;
  private final Consumer<String> log;
  private volatile Optional<PythonInterpreter> python;

  /** The outcome of compiling each Java part: its program, or why it cannot run. */
  private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

  private record Compiled(Program program, String failure, boolean harness) {}

  private Submission(Path dir, String a, String b, String python, Consumer<String> log) {
    this.dir = dir;
    this.a = a;
    this.b = b;
    this.requestedPython = python;
    this.log = log;
  }

  /**
   * Opens a folder named {@code Lab3_A_B}.
   *
   * @throws IllegalArgumentException if it is not a folder or not named like one
   */
  public static Submission open(Path folder) throws IOException {
    return open(folder, null, line -> {});
  }

  /**
   * Opens a folder whose Python programs run with the first python3 that has websocket, {@code
   * python} (may be null) tried first; {@code log} hears which interpreter was chosen.
   */
  public static Submission open(Path folder, String python, Consumer<String> log)
      throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("no submission folder at " + folder);
    }
    Path real = folder.toRealPath();
    Matcher m = FOLDER.matcher(real.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "a submission folder is named Lab3_<camipro1>_<camipro2>, got " + real.getFileName());
    }
    return new Submission(real, m.group(1), m.group(2), python, log);
  }

  public Path dir() {
    return dir;
  }

  String camipro1() {
    return a;
  }

  String camipro2() {
    return b;
  }

  /** A file of the hand-in that is there but cannot run: reported as such, never as absent. */
  static final class UnrunnableException extends IOException {
    UnrunnableException(String message) {
      super(message);
    }
  }

  /** The bench cannot run a part here (javac missing, say): a harness error, no grade. */
  static final class NotGradableException extends IOException {
    NotGradableException(String message) {
      super(message);
    }
  }

  /**
   * What runs for the part {@code stem} (e.g. "Part2"), if the folder has it. A Java part must have
   * been {@linkplain #prepare prepared} first.
   *
   * @throws UnrunnableException if the file is there but cannot run
   * @throws NotGradableException if the bench lacks what the file needs (javac)
   */
  Optional<Program> program(String stem) throws IOException {
    Optional<Found> found = find(stem);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Found f = found.get();
    if (f.kind() == Kind.JAVA) {
      Compiled c = compiled.get(stem);
      if (c == null) {
        throw new IllegalStateException(stem + " was not compiled before it ran");
      }
      if (c.failure() != null) {
        throw c.harness()
            ? new NotGradableException(c.failure())
            : new UnrunnableException(c.failure());
      }
      return Optional.of(c.program());
    }
    return Optional.of(f.program());
  }

  /** How a file was read. */
  private enum Kind {
    JAVA,
    OTHER
  }

  /** A part's file: for Java the source to compile, else the program itself. */
  private record Found(Kind kind, Path file, Program program, String why) {}

  private static final Pattern SHEBANG = Pattern.compile("#!\\s*(\\S+)(?:[ \\t]+(.*?))?\\s*");
  private static final Pattern JAVA_CLASS =
      Pattern.compile(
          "(?m)^[ \\t]*(?:(?:public|final|abstract)\\s+)*(?:class|record|enum)\\s+(\\w+)");
  private static final Pattern JAVA_MAIN = Pattern.compile("static\\s+void\\s+main\\s*\\(");
  private static final Pattern PYTHON =
      Pattern.compile(
          "(?m)^\\s*(?:import\\s+\\w+\\s*$|import\\s+\\w+\\s*,|from\\s+[\\w.]+\\s+import\\s|"
              + "def\\s+\\w+\\s*\\(|if\\s+__name__\\s*==|print\\s*\\()");

  /** The file of a part and how to run it, by the order in the class comment. */
  private Optional<Found> find(String stem) throws IOException {
    String name = stem + "_" + a + "_" + b;
    Path file = inside(name + ".java");
    if (file != null) {
      return Optional.of(new Found(Kind.JAVA, file, null, "Java"));
    }
    file = inside(name + ".py");
    if (file != null) {
      return Optional.of(python(stem, file, "Python"));
    }
    file = inside(name + ".jar");
    if (file != null) {
      return Optional.of(
          new Found(
              Kind.OTHER,
              file,
              new Program(
                  List.of(java("java"), "-jar", file.toString()), "a jar (java -jar)", javaHome()),
              null));
    }
    file = inside(name);
    if (file == null) {
      return Optional.empty();
    }
    byte[] head = head(file);
    String text = new String(head, StandardCharsets.UTF_8);
    if (text.startsWith("#!")) {
      String first = text.lines().findFirst().orElse("");
      Matcher m = SHEBANG.matcher(first);
      if (!m.matches()) {
        throw new UnrunnableException(name + " has a #! line that names no interpreter");
      }
      String interpreter = m.group(1);
      String argument = m.group(2);
      String word =
          interpreter.endsWith("/env") && argument != null
              ? argument.split("\\s+")[0]
              : interpreter;
      String base = word.substring(word.lastIndexOf('/') + 1);
      if (base.startsWith("python")) {
        return Optional.of(python(stem, file, "Python, by its #! line (" + first + ")"));
      }
      List<String> command = new ArrayList<>(List.of(interpreter));
      if (argument != null && !argument.isEmpty()) {
        command.add(argument); // as the kernel does: the rest of the line is one argument
      }
      command.add(file.toString());
      return Optional.of(
          new Found(
              Kind.OTHER,
              file,
              new Program(command, "a script, by its #! line (" + first + ")", List.of()),
              null));
    }
    if (head.length >= 4 && head[0] == 0x7f && text.startsWith("ELF", 1)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
      return Optional.of(
          new Found(
              Kind.OTHER,
              file,
              new Program(List.of(file.toString()), "a native executable (ELF)", List.of()),
              null));
    }
    if (JAVA_CLASS.matcher(text).find() && JAVA_MAIN.matcher(text).find()) {
      return Optional.of(
          new Found(Kind.JAVA, file, null, "Java source, by its content (no extension, no #!)"));
    }
    if (PYTHON.matcher(text).find()) {
      return Optional.of(python(stem, file, "Python, by its content (no extension, no #!)"));
    }
    throw new UnrunnableException(
        name
            + " is there but the bench cannot tell how to run it: no extension, no #! line, and"
            + " neither Python nor Java source (name it "
            + name
            + ".py or "
            + name
            + ".java, or start it with a #! line)");
  }

  private Found python(String stem, Path file, String how) {
    Optional<PythonInterpreter> interpreter = python();
    if (interpreter.isEmpty()) {
      return new Found(
          Kind.OTHER,
          file,
          new Program(
              List.of("python3", file.toString()),
              how,
              List.of(),
              "no python3 runs here (tried "
                  + (requestedPython == null ? "" : requestedPython + ", ")
                  + "/usr/bin/python3, python3)"),
          null);
    }
    PythonInterpreter p = interpreter.get();
    String notGraded = stem.equals("Part5") && !p.hasWebsocket() ? p.missing() : null;
    return new Found(
        Kind.OTHER,
        file,
        new Program(
            List.of(p.executable(), file.toString()),
            how + " with " + p.executable() + " " + p.version(),
            p.readOnly(),
            notGraded),
        null);
  }

  /** The interpreter, chosen once, on first need: a hand-in with no Python never probes. */
  private Optional<PythonInterpreter> python() {
    Optional<PythonInterpreter> p = python;
    if (p == null) {
      synchronized (this) {
        if (python == null) {
          python = PythonInterpreter.choose(requestedPython);
          log.accept(
              python
                  .map(PythonInterpreter::describe)
                  .orElse("Python hand-ins cannot run here: no python3 found"));
        }
        p = python;
      }
    }
    return p;
  }

  /** Runs one build step (javac) through the bench's run seam. */
  @FunctionalInterface
  interface Runner {
    ProcessRunner.Result run(List<String> command, List<Path> readOnly) throws IOException;
  }

  /**
   * Compiles the Java parts among {@code stems}, once per hand-in: one {@code javac} for all of
   * them into {@code .lab3-build/classes}; if that fails (a part that does not compile, two parts
   * that declare the same class), each on its own into {@code .lab3-build/<part>}, so that each
   * part's verdict is its own. Parts that are not Java, or not there, are left alone.
   */
  void prepare(List<String> stems, Runner runner) throws IOException {
    Map<String, Path> sources = new LinkedHashMap<>();
    for (String stem : stems) {
      if (compiled.containsKey(stem) || sources.containsKey(stem)) {
        continue;
      }
      Optional<Found> found;
      try {
        found = find(stem);
      } catch (UnrunnableException e) {
        continue; // program() says so again
      }
      if (found.isPresent() && found.get().kind() == Kind.JAVA) {
        sources.put(stem, found.get().file());
      }
    }
    if (sources.isEmpty()) {
      return;
    }
    Path javac = Path.of(java("javac"));
    if (!Files.isExecutable(javac)) {
      for (String stem : sources.keySet()) {
        compiled.put(
            stem,
            new Compiled(
                null,
                "the bench has no javac (" + javac + "): it needs a JDK to grade Java hand-ins",
                true));
      }
      return;
    }
    Path build = dir.resolve(BUILD);
    Map<String, Path> copies = new LinkedHashMap<>();
    for (var e : sources.entrySet()) {
      copies.put(e.getKey(), sourceCopy(build.resolve("src").resolve(e.getKey()), e.getValue()));
    }
    Path all = build.resolve("classes");
    long start = System.nanoTime();
    String error = javac(runner, List.copyOf(copies.values()), all);
    log.accept(
        String.format(
            java.util.Locale.ROOT,
            "Java: %s compiled with javac %d in %.1f s%s",
            String.join(", ", copies.keySet()),
            Runtime.version().feature(),
            (System.nanoTime() - start) / 1e9,
            error == null ? "" : " (failed: each part again on its own)"));
    if (error == null) {
      for (var e : copies.entrySet()) {
        compiled.put(
            e.getKey(), compiledProgram(e.getKey(), sources.get(e.getKey()), e.getValue(), all));
      }
      return;
    }
    for (var e : copies.entrySet()) {
      Path classes = build.resolve(e.getKey());
      String own = copies.size() == 1 ? error : javac(runner, List.of(e.getValue()), classes);
      String file = sources.get(e.getKey()).getFileName().toString();
      compiled.put(
          e.getKey(),
          own == null
              ? compiledProgram(e.getKey(), sources.get(e.getKey()), e.getValue(), classes)
              : new Compiled(null, file + " does not compile: " + own, false));
    }
  }

  /**
   * The source under the name javac wants: that of its public class when it has one (javac refuses
   * a public class in a file of another name, where the source launcher takes it).
   */
  private static Path sourceCopy(Path folder, Path source) throws IOException {
    String text = Files.readString(source, StandardCharsets.UTF_8);
    Matcher pub =
        Pattern.compile(
                "(?m)^\\s*public\\s+(?:(?:final|abstract|sealed)\\s+)*(?:class|record|enum|interface)\\s+(\\w+)")
            .matcher(text);
    String stem = source.getFileName().toString().replaceFirst("\\.java$", "");
    Path copy = folder.resolve((pub.find() ? pub.group(1) : stem) + ".java");
    Files.createDirectories(folder);
    Files.writeString(copy, text, StandardCharsets.UTF_8);
    return copy;
  }

  /** Runs javac; null if it compiled, else its first error, one line. */
  private String javac(Runner runner, List<Path> files, Path classes) throws IOException {
    Files.createDirectories(classes);
    List<String> command =
        new ArrayList<>(
            List.of(
                java("javac"),
                "-proc:none", // no annotation processor of lib/ runs in the bench
                "-implicit:class",
                "-encoding",
                "UTF-8",
                "-nowarn",
                "-Xmaxerrs",
                "5",
                "-d",
                classes.toString(),
                "-sourcepath",
                dir.toString())); // the hand-in's own helper classes, never lib/'s sources
    libraryPath().ifPresent(lib -> command.addAll(List.of("-cp", lib)));
    files.forEach(f -> command.add(f.toString()));
    ProcessRunner.Result r = runner.run(command, readOnly());
    if (r.exit() == 0 && !r.timedOut()) {
      return null;
    }
    if (r.timedOut()) {
      return "javac did not finish in time";
    }
    for (String line : (r.stderr() + "\n" + r.out()).lines().toList()) {
      Matcher m = Pattern.compile(".*?([^/]+\\.java):(\\d+): error: (.*)").matcher(line);
      if (m.matches()) {
        return "line " + m.group(2) + ": " + m.group(3);
      }
      if (line.startsWith("error:")) {
        return line.substring(6).strip();
      }
    }
    return "javac ended with status " + r.exit();
  }

  /** The program of a compiled part: its main class on the classes folder and lib/. */
  private Compiled compiledProgram(String stem, Path original, Path source, Path classes)
      throws IOException {
    String text = Files.readString(source, StandardCharsets.UTF_8);
    Matcher pkg = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(text);
    String prefix = pkg.find() ? pkg.group(1) + "." : "";
    List<String> candidates = new ArrayList<>();
    candidates.add(source.getFileName().toString().replaceFirst("\\.java$", ""));
    Matcher decl = JAVA_CLASS.matcher(text);
    while (decl.find()) {
      candidates.add(decl.group(1));
    }
    for (String c : candidates) {
      Path cls = classes.resolve((prefix + c).replace('.', '/') + ".class");
      if (Files.isRegularFile(cls)) {
        String classPath = classes + libraryPath().map(l -> ":" + l).orElse("");
        List<String> command =
            List.of(
                java("java"),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", // a short run: C1 alone starts fastest
                "-cp",
                classPath,
                prefix + c);
        String how =
            original.getFileName().toString().endsWith(".java")
                ? "Java"
                : "Java source, by its content (no extension, no #!)";
        return new Compiled(
            new Program(
                command,
                how
                    + " (javac and java "
                    + Runtime.version().feature()
                    + ", main class "
                    + prefix
                    + c
                    + ")",
                readOnly()),
            null,
            false);
      }
    }
    return new Compiled(
        null, original.getFileName() + " compiles but has no class to run (" + stem + ")", false);
  }

  /** {@code <copy>/lib/*} when the hand-in has jars in lib/. */
  private Optional<String> libraryPath() throws IOException {
    Path lib = dir.resolve("lib");
    if (!Files.isDirectory(lib, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(lib)) {
      return files.anyMatch(f -> f.toString().endsWith(".jar"))
          ? Optional.of(lib + "/*")
          : Optional.empty();
    }
  }

  /** What a Java program reads: the JDK when it is outside /usr, lib/ and the build folder. */
  private List<Path> readOnly() {
    List<Path> paths = new ArrayList<>(javaHome());
    if (Files.isDirectory(dir.resolve("lib"))) {
      paths.add(dir.resolve("lib"));
    }
    paths.add(dir.resolve(BUILD));
    return paths;
  }

  private static List<Path> javaHome() {
    Path home = Path.of(System.getProperty("java.home"));
    return home.startsWith("/usr") ? List.of() : List.of(home);
  }

  /** A tool of the JDK this bench runs on. */
  private static String java(String tool) {
    return Path.of(System.getProperty("java.home"), "bin", tool).toString();
  }

  private static byte[] head(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return in.readNBytes(64 * 1024);
    }
  }

  /** A regular file of the folder by name, or null; refuses anything resolving outside. */
  Path inside(String name) throws IOException {
    Path file = dir.resolve(name).normalize();
    if (!file.startsWith(dir) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Path real = file.toRealPath();
    if (!real.startsWith(dir) || !Files.isRegularFile(real)) {
      throw new IOException(name + " leads outside the submission folder; refused");
    }
    return real;
  }
}
