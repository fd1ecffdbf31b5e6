package lab3.tests;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds a Python 3 that can import a given module, for interop tests with other projects'
 * libraries. Tries {@code python3} on the PATH, then Debian's {@code /usr/bin/python3} (where
 * apt-get installs {@code python3-websockets} even when a pyenv python3 comes first on the PATH).
 */
final class Python {
  private Python() {}

  static Optional<String> withModule(String module) {
    for (String candidate : List.of("python3", "/usr/bin/python3")) {
      try {
        Process p =
            new ProcessBuilder(candidate, "-c", "import " + module)
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return Optional.of(candidate);
        }
        p.destroyForcibly();
      } catch (IOException e) {
        // not installed under that name
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
