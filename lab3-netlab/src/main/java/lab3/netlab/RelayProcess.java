package lab3.netlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The relay as a process of its own ({@code lab3 netlab relay}, run inside the wire namespace by
 * {@code ip netns exec}), for a lab network that must outlive the command that made it: {@code
 * netlab up} returns while the relay keeps forwarding. Its pid goes in {@code PREFIX.relay.pid} of
 * the state directory, its stderr in {@code PREFIX.relay.log}; it says {@code relay ready} there
 * once both sockets are open.
 */
final class RelayProcess implements AutoCloseable {
  static final String READY = "relay ready";
  private final Process process;

  private RelayProcess(Process process) {
    this.process = process;
  }

  static RelayProcess start(
      String wire, List<String> javaCommand, Path state, String prefix, Impairments asked)
      throws IOException {
    Files.createDirectories(state);
    Path log = state.resolve(prefix + ".relay.log");
    List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", wire));
    argv.addAll(javaCommand);
    argv.addAll(arguments(asked));
    Process process =
        new ProcessBuilder(argv)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(log.toFile())
            .start();
    Files.writeString(state.resolve(prefix + ".relay.pid"), Long.toString(process.pid()));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      if (text.contains(READY)) {
        return new RelayProcess(process);
      }
      if (!process.isAlive()) {
        throw new IOException("the relay did not start: " + text.strip());
      }
      try {
        Thread.sleep(50); // the log file gives no signal; polled
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the relay started", e);
      }
    }
    process.destroyForcibly();
    throw new IOException("the relay did not start within 30 s (see " + log + ")");
  }

  /** The relay command's arguments for these impairments. */
  static List<String> arguments(Impairments asked) {
    return List.of(
        "netlab",
        "relay",
        "--delay-us",
        Long.toString(asked.delay().toNanos() / 1000),
        "--jitter-us",
        Long.toString(asked.jitter().toNanos() / 1000),
        "--loss",
        Double.toString(asked.loss()),
        "--reorder",
        Double.toString(asked.reorder()),
        "--duplicate",
        Double.toString(asked.duplicate()),
        "--seed",
        Long.toString(asked.seed()));
  }

  /** Ends the relay of {@code prefix} named in the state directory, if it runs. */
  static void stop(Path state, String prefix) {
    if (state == null) {
      return;
    }
    Path pidFile = state.resolve(prefix + ".relay.pid");
    try {
      if (Files.exists(pidFile)) {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> relay = ProcessHandle.of(pid);
        relay.ifPresent(
            p -> {
              if (p.info().commandLine().orElse("").contains("netlab relay")) {
                p.destroy();
              }
            });
        Files.deleteIfExists(pidFile);
      }
      Files.deleteIfExists(state.resolve(prefix + ".relay.log"));
    } catch (IOException | NumberFormatException ignored) {
      // nothing left to stop
    }
  }

  /** Runs the relay in this process (in the wire namespace) until it is killed. */
  static void runHere(Impairments asked, Runnable onReady) throws Exception {
    Native system =
        Native.get().orElseThrow(() -> new IOException(Native.unavailableReason().orElseThrow()));
    try (FrameRelay relay = FrameRelay.start(system, asked)) {
      onReady.run();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Override
  public void close() {
    process.destroy();
  }
}
