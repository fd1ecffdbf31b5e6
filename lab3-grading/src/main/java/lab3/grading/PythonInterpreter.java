package lab3.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The python3 the bench runs Python hand-ins with: one that has what the lab requires, the {@code
 * websocket} module (websocket-client) of Part 5. The candidates are tried in order, {@code
 * --python}'s value, then Debian's {@code /usr/bin/python3} (where {@code apt-get install
 * python3-websocket} puts it even when a pyenv python3 comes first on the PATH), then {@code
 * python3} on the PATH, each asked once for its version, its prefixes and whether {@code import
 * websocket} works; the first with the module wins. If none has it, the first that runs is used and
 * Part 5 of a Python hand-in is not graded (a harness error with {@link #missing}), never a zero:
 * the missing module is the bench's, not the student's.
 *
 * @param command how it was named (a path, or a name on the PATH)
 * @param executable the interpreter itself ({@code sys.executable}), absolute: what the bench runs,
 *     so that a sandbox needs no PATH and no shim (pyenv's {@code python3} is a shell script)
 * @param version its version, e.g. 3.11.2
 * @param hasWebsocket whether {@code import websocket} works
 * @param prefixes its {@code sys.prefix} and {@code sys.base_prefix}: what a sandbox must show
 * @param tried every candidate tried and what it lacked, for the one-line reason
 */
record PythonInterpreter(
    String command,
    String executable,
    String version,
    boolean hasWebsocket,
    List<Path> prefixes,
    String tried) {

  private static final String PROBE =
      "import sys\n"
          + "print(sys.version.split()[0]); print(sys.prefix); print(sys.base_prefix)\n"
          + "print(sys.executable)\n"
          + "try:\n"
          + "    import websocket; print('websocket')\n"
          + "except Exception:\n"
          + "    print('-')\n";

  /** The first candidate with websocket, else the first that runs, else empty. */
  static Optional<PythonInterpreter> choose(String requested) {
    Set<String> candidates = new LinkedHashSet<>();
    if (requested != null) {
      candidates.add(requested);
    }
    candidates.add("/usr/bin/python3");
    candidates.add("python3");
    List<String> tried = new ArrayList<>();
    PythonInterpreter fallback = null;
    for (String candidate : candidates) {
      Optional<PythonInterpreter> p = probe(candidate);
      if (p.isEmpty()) {
        tried.add(candidate + " (does not run)");
        continue;
      }
      if (p.get().hasWebsocket()) {
        return p;
      }
      tried.add(candidate + " (" + p.get().version() + ", no websocket)");
      if (fallback == null) {
        fallback = p.get();
      }
    }
    String triedText = String.join(", ", tried);
    return Optional.ofNullable(fallback)
        .map(
            f ->
                new PythonInterpreter(
                    f.command, f.executable, f.version, false, f.prefixes, triedText));
  }

  /** Asks {@code command} for its version, prefixes and websocket; empty if it does not run. */
  static Optional<PythonInterpreter> probe(String command) {
    try {
      Process p =
          new ProcessBuilder(command, "-c", PROBE)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      List<String> lines = out.lines().toList();
      if (p.exitValue() != 0 || lines.size() < 5 || !lines.get(3).startsWith("/")) {
        return Optional.empty();
      }
      List<Path> prefixes =
          new LinkedHashSet<>(List.of(Path.of(lines.get(1)), Path.of(lines.get(2))))
              .stream().toList();
      return Optional.of(
          new PythonInterpreter(
              command, lines.get(3), lines.get(0), lines.get(4).equals("websocket"), prefixes, ""));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The one line the bench says about its choice. */
  String describe() {
    return "Python hand-ins run with "
        + command
        + (command.equals(executable) ? "" : " (" + executable + ")")
        + " (Python "
        + version
        + (hasWebsocket
            ? ", with websocket-client)"
            : "); no python3 here has the websocket module (tried " + tried + ")");
  }

  /** Why Part 5 of a Python hand-in cannot be graded with this interpreter. */
  String missing() {
    return "no python3 here has the websocket module (websocket-client) Part 5 needs (tried "
        + tried
        + "): apt-get install python3-websocket, or give --python a python3 that has it";
  }

  /** The prefixes outside /usr, which a sandbox must show read-only. */
  List<Path> readOnly() {
    return prefixes.stream().filter(p -> !p.startsWith("/usr")).toList();
  }
}
