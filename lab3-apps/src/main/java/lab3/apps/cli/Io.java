package lab3.apps.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The console a command writes to. {@code out} carries only the command's data, which graders
 * parse; it is buffered and flushed by the command at the right moments. {@code err} carries
 * diagnostics and errors and flushes every line.
 */
public record Io(InputStream in, PrintStream out, PrintStream err) {

  /**
   * The buffer of stdout. A write of at least this many bytes skips it (BufferedOutputStream writes
   * such a block to the file as it is, after what it holds): floodme's reads (up to 64 KiB) and
   * PrintingListener's drained blocks reach the kernel without one more copy, while short lines are
   * still gathered.
   */
  static final int OUT_BUFFER_BYTES = 16 * 1024;

  /** The process's real console, UTF-8 whatever the platform default. */
  public static Io system() {
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), OUT_BUFFER_BYTES),
            false,
            StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    return new Io(new FileInputStream(FileDescriptor.in), out, err);
  }
}
