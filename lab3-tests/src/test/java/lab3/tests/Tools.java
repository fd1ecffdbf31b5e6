package lab3.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external tools (openssl, python3) and lab3 commands in-process, for the tests. */
final class Tools {
  private Tools() {}

  /** What a process or command did. */
  record Result(int status, String out, String err) {
    Result ok() {
      if (status != 0) {
        throw new AssertionError("exit " + status + "\nstdout: " + out + "\nstderr: " + err);
      }
      return this;
    }
  }

  /** True if {@code command} runs here (e.g. {@code openssl version}). */
  static boolean available(String... command) {
    try {
      return run(null, null, command).status() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs a process in {@code dir} with {@code input} on stdin; at most 30 s. */
  static Result run(Path dir, String input, String... command) throws IOException {
    return run(java.time.Duration.ofSeconds(30), dir, input, command);
  }

  /** Runs a process in {@code dir} with {@code input} on stdin; at most {@code limit}. */
  static Result run(java.time.Duration limit, Path dir, String input, String... command)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(List.of(command));
    if (dir != null) {
      builder.directory(dir.toFile());
    }
    Process process = builder.start();
    try (var stdin = process.getOutputStream()) {
      if (input != null) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Thread outReader = pump(process.getInputStream(), stdout);
    Thread errReader = pump(process.getErrorStream(), stderr);
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            String.join(" ", command) + " did not finish within " + limit.toSeconds() + " s");
      }
      outReader.join();
      errReader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new Result(
        process.exitValue(),
        stdout.toString(StandardCharsets.UTF_8),
        stderr.toString(StandardCharsets.UTF_8));
  }

  private static Thread pump(java.io.InputStream in, ByteArrayOutputStream sink) {
    return Thread.ofVirtual()
        .start(
            () -> {
              try (in) {
                in.transferTo(sink);
              } catch (IOException ignored) {
                // the process ended
              }
            });
  }

  /**
   * With {@code ./lab3 pki}: a CA in {@code dir/ca} and a server key (both EC, quick to make), CSR
   * and certificate ({@code key.pem}, {@code req.csr}, {@code cert.pem} for localhost, 127.0.0.1,
   * ::1) in {@code dir}, subject {@code /O=EPFL/CN=localhost}.
   */
  static void pki(Path dir) {
    String ca = dir.resolve("ca").toString();
    String key = dir.resolve("key.pem").toString();
    String csr = dir.resolve("req.csr").toString();
    lab3("pki", "ca", "--out", ca, "--algorithm", "ec").ok();
    lab3("pki", "key", "--out", key, "--algorithm", "ec").ok();
    lab3("pki", "csr", "--key", key, "--subject", "/O=EPFL/CN=localhost", "--out", csr).ok();
    lab3("pki", "sign", "--ca", ca, "--csr", csr, "--out", dir.resolve("cert.pem").toString()).ok();
  }

  /** Runs {@code ./lab3 args...} in this JVM. */
  static Result lab3(String... args) {
    CommandRun run = CommandRun.of(args);
    return new Result(run.status(), run.out(), run.stderr());
  }
}
