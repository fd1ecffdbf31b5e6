package lab3.multicast.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import lab3.multicast.MulticastMessage;
import lab3.transport.Addresses;

/**
 * Appends one line per message to a file, flushed at once so that the file is complete even if the
 * program is killed: {@code time TAB source TAB id TAB text}, with backslash, tab, CR and LF in the
 * text written as {@code \\ \t \r \n} so that every message stays on one line.
 */
public final class Recorder implements Closeable {
  private final BufferedWriter writer;

  private Recorder(BufferedWriter writer) {
    this.writer = writer;
  }

  /** Opens {@code file} for appending, creating it if needed. */
  public static Recorder appendingTo(Path file) throws IOException {
    return new Recorder(
        Files.newBufferedWriter(
            file,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE));
  }

  public synchronized void record(MulticastMessage message) throws IOException {
    writer.write(line(message));
    writer.newLine();
    writer.flush();
  }

  /** The line for one message, without the line break. */
  public static String line(MulticastMessage m) {
    String source = m.source() == null ? "-" : Addresses.format(m.source());
    return m.time() + "\t" + source + "\t" + escape(m.id()) + "\t" + escape(m.text());
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public synchronized void close() throws IOException {
    writer.close();
  }
}
