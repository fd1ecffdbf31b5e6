package lab3.pmu;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import lab3.pmu.internal.SharedFloodBytes;

/**
 * The large text a PMU sends for {@code CMD_floodme}: the built-in one (tens of KiB of Romeo and
 * Juliet, with multi-byte characters), a file's bytes, or a generated text of an exact size for
 * benchmarks. The bytes are held once and shared by every session; the object is immutable, and
 * {@link #bytes()} hands out a copy. The pitfall: a generated text of up to {@link #MAX_BYTES} is
 * held whole in the heap, so size {@code -Xmx} for it.
 */
public final class FloodText {
  /** The largest text a PMU can send in one write: a Java array's limit, rounded down. */
  public static final long MAX_BYTES = 1L << 30;

  private static final int BUILT_IN_COPIES = 20;

  private final byte[] bytes;
  private final String description;

  private FloodText(byte[] bytes, String description) {
    this.bytes = bytes;
    this.description = description;
  }

  /**
   * About 45 KiB: twenty numbered copies of a scene of Romeo and Juliet.
   *
   * @return the flood text
   */
  public static FloodText builtIn() {
    byte[] scene = scene();
    StringBuilder text = new StringBuilder();
    String sceneText = new String(scene, StandardCharsets.UTF_8);
    for (int copy = 1; copy <= BUILT_IN_COPIES; copy++) {
      text.append("[Copy ").append(copy).append(" of ").append(BUILT_IN_COPIES).append("]\n");
      text.append(sceneText).append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    return new FloodText(bytes, "built-in text, " + bytes.length + " bytes");
  }

  /**
   * The bytes of a file, as they are (not checked to be UTF-8).
   *
   * @param file a UTF-8 text file, at most 1 GiB
   * @return the bytes of a file, as they are (not checked to be UTF-8)
   * @throws IOException if the I/O fails
   */
  public static FloodText fromFile(Path file) throws IOException {
    long size = Files.size(file);
    checkArgument(size <= MAX_BYTES, "%s is larger than %s bytes", file, MAX_BYTES);
    return new FloodText(Files.readAllBytes(file), file + ", " + size + " bytes");
  }

  /**
   * Exactly {@code size} bytes of valid UTF-8: the built-in scene repeated, the end padded with
   * spaces so that no character is cut.
   *
   * @param size how many bytes of text
   * @return the flood text
   */
  public static FloodText generated(long size) {
    checkArgument(
        size >= 0 && size <= MAX_BYTES, "size must be 0 to %s bytes: %s", MAX_BYTES, size);
    byte[] scene = scene();
    byte[] bytes = new byte[(int) size];
    int filled = 0;
    while (filled + scene.length <= bytes.length) {
      System.arraycopy(scene, 0, bytes, filled, scene.length);
      filled += scene.length;
    }
    int rest = bytes.length - filled;
    int cut = rest;
    while (cut > 0 && (scene[cut] & 0xC0) == 0x80) {
      cut--; // back off to the start of a character
    }
    System.arraycopy(scene, 0, bytes, filled, cut);
    Arrays.fill(bytes, filled + cut, bytes.length, (byte) ' ');
    return new FloodText(bytes, "generated text, " + size + " bytes");
  }

  static {
    SharedFloodBytes.install(text -> text.bytes);
  }

  /**
   * The text's bytes.
   *
   * @return a new copy on every call (the text itself is immutable and shared by every session); to
   *     send it, {@link #writeTo} writes it without a copy
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Writes the whole text in one {@code write} call, as the lab's PMU sends it, without copying it.
   *
   * @param out where to write
   * @throws IOException if the write fails
   */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  /**
   * The text's length in bytes.
   *
   * @return the text's length in bytes
   */
  public int size() {
    return bytes.length;
  }

  @Override
  public String toString() {
    return description;
  }

  private static byte[] scene() {
    try (InputStream in = FloodText.class.getResourceAsStream("romeo.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource lab3/pmu/romeo.txt is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
