package lab3.netlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system's network tools ({@code ip}, {@code ethtool}, {@code tc}) and turns a failure
 * into one {@link IOException} line: the command and the first line it wrote on stderr.
 */
final class Shell {
  private Shell() {}

  /** Runs {@code argv}; throws if it fails or takes more than 30 s. */
  static void run(String... argv) throws IOException {
    runWithInput("", argv);
  }

  /** Runs {@code argv} with {@code input} on its stdin; throws if it fails or takes > 30 s. */
  static void runWithInput(String input, String... argv) throws IOException {
    Result result = tryRunWithInput(input, argv);
    if (result.status != 0) {
      throw new IOException(String.join(" ", argv) + ": " + result.firstLine());
    }
  }

  /** Runs {@code argv} and returns its exit status and output (stdout and stderr together). */
  static Result tryRun(String... argv) throws IOException {
    return tryRunWithInput("", argv);
  }

  private static Result tryRunWithInput(String input, String... argv) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder(List.of(argv)).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Result(127, argv[0] + ": not found");
    }
    try (var stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", argv) + ": no answer after 30 s");
      }
      return new Result(process.exitValue(), output);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(String.join(" ", argv) + ": interrupted", e);
    }
  }

  /** True if {@code tool} is a command on the PATH. */
  static boolean found(String tool) {
    try {
      return tryRun(tool, "-V").status != 127 || tryRun(tool, "--version").status != 127;
    } catch (IOException e) {
      return false;
    }
  }

  record Result(int status, String output) {
    String firstLine() {
      String trimmed = output.strip();
      int end = trimmed.indexOf('\n');
      return trimmed.isEmpty()
          ? "exit status " + status
          : end < 0 ? trimmed : trimmed.substring(0, end);
    }
  }
}
