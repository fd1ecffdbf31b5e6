package lab3.tests;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code main} class of the test class path run in a JVM of its own, its stdout and stderr
 * collected as {@link Lines}. For load tests whose two ends do not fit in one process's file limit.
 */
final class ChildJvm implements Closeable {
  private final Process process;
  private final Lines out = new Lines();
  private final Lines err = new Lines();

  ChildJvm(Class<?> main, String... args) throws IOException {
    this(List.of(), main, args);
  }

  /** The JVM started by {@code prefix} (e.g. {@code ip netns exec NS}), to run it elsewhere. */
  ChildJvm(List<String> prefix, Class<?> main, String... args) throws IOException {
    this(prefix, List.of(), main, args);
  }

  /** With options for the JVM, e.g. {@code -XX:MaxDirectMemorySize=1m}. */
  ChildJvm(List<String> prefix, List<String> jvmOptions, Class<?> main, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+UseSerialGC");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(main.getName());
    command.addAll(List.of(args));
    process = new ProcessBuilder(command).start();
    pump(process.getInputStream(), out);
    pump(process.getErrorStream(), err);
  }

  Lines out() {
    return out;
  }

  Lines err() {
    return err;
  }

  Process process() {
    return process;
  }

  void writeLine(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private static void pump(InputStream in, Lines to) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (in) {
                in.transferTo(to);
              } catch (IOException ignored) {
                // the child is gone
              }
            });
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
