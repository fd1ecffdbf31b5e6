package lab3.grading.engines;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes a tar archive in the POSIX ustar format, the one every {@code tar} reads: a 512-byte
 * header per file (name, mode, size, checksum), the file's bytes padded to 512, two empty blocks at
 * the end. Enough for Autolab's {@code autograde.tar}: regular files and directories, names up to
 * 100 bytes, no links.
 */
final class Tar implements AutoCloseable {
  private static final int BLOCK = 512;
  private final OutputStream out;

  Tar(OutputStream out) {
    this.out = out;
  }

  /** A directory entry ({@code name} without the trailing slash). */
  void directory(String name) throws IOException {
    out.write(header(name + "/", 0755, 0, '5'));
  }

  /** The file {@code from} as {@code name}, executable ({@code 0755}) or not ({@code 0644}). */
  void file(String name, Path from, boolean executable) throws IOException {
    long size = Files.size(from);
    out.write(header(name, executable ? 0755 : 0644, size, '0'));
    Files.copy(from, out);
    pad(size);
  }

  /** A file of {@code text}. */
  void file(String name, String text, boolean executable) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write(header(name, executable ? 0755 : 0644, bytes.length, '0'));
    out.write(bytes);
    pad(bytes.length);
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.write(new byte[BLOCK - rest]);
    }
  }

  private static byte[] header(String name, int mode, long size, char type) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    if (n.length > 100) {
      throw new IllegalArgumentException("a tar name of more than 100 bytes: " + name);
    }
    byte[] h = new byte[BLOCK];
    System.arraycopy(n, 0, h, 0, n.length);
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0); // uid
    octal(h, 116, 8, 0); // gid
    octal(h, 124, 12, size);
    octal(h, 136, 12, 0); // mtime: the epoch, so that the same package gives the same bytes
    Arrays.fill(h, 148, 156, (byte) ' '); // the checksum counts itself as spaces
    h[156] = (byte) type;
    System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
    h[263] = '0';
    h[264] = '0';
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    h[155] = ' ';
    return h;
  }

  /** {@code value} in octal, zero-padded, in {@code length - 1} digits and a NUL. */
  private static void octal(byte[] h, int at, int length, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(length - 1 - digits.length()) + digits;
    System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, h, at, length - 1);
    h[at + length - 1] = 0;
  }

  @Override
  public void close() throws IOException {
    out.write(new byte[2 * BLOCK]);
    out.close();
  }
}
