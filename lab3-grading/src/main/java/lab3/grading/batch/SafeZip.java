package lab3.grading.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Unpacks a zip from a stranger. An entry that would land outside the target (absolute, {@code ..}:
 * "zip slip") is skipped, links are never made (Info-ZIP's link entries come out as small plain
 * files holding the target's name), and the total bytes and entry count are bounded, so that a "zip
 * bomb" cannot fill the disk. Execute bits recorded by Info-ZIP (or by {@code submit}) are given
 * back, as {@code unzip} does.
 */
public final class SafeZip {
  /** The bounds of one unpacking. */
  public record Limits(long maxBytes, int maxEntries) {
    public static final Limits DEFAULT = new Limits(1L << 30, 50_000);
  }

  private SafeZip() {}

  /** Unpacks {@code zip} into {@code target} and returns the bytes written. */
  public static long unpack(Path zip, Path target, Limits limits) throws IOException {
    Path root = Files.createDirectories(target).toRealPath();
    long written = 0;
    int entries = 0;
    try (FileSystem archive =
            FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
        Stream<Path> walk = Files.walk(archive.getPath("/"))) {
      for (Path entry : walk.toList()) {
        if (++entries > limits.maxEntries()) {
          throw new IOException(
              zip.getFileName() + " has more than " + limits.maxEntries() + " entries");
        }
        String name = entry.toString().replaceFirst("^/+", "");
        if (name.isEmpty()) {
          continue;
        }
        Path dest = root.resolve(name).normalize();
        if (!dest.startsWith(root) || dest.equals(root)) {
          continue; // outside the target: refused
        }
        if (Files.isDirectory(entry)) {
          Files.createDirectories(dest);
          continue;
        }
        Files.createDirectories(dest.getParent());
        if (!dest.getParent().toRealPath().startsWith(root)
            || Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
          continue; // never write through a link, never twice
        }
        try (InputStream in = Files.newInputStream(entry);
            OutputStream out = Files.newOutputStream(dest)) {
          byte[] buffer = new byte[65536];
          for (int n; (n = in.read(buffer)) > 0; ) {
            written += n;
            if (written > limits.maxBytes()) {
              throw new IOException(
                  zip.getFileName() + " unpacks to more than " + limits.maxBytes() + " bytes");
            }
            out.write(buffer, 0, n);
          }
        }
        if (executable(entry)) {
          dest.toFile().setExecutable(true, true);
        }
      }
    } catch (java.util.zip.ZipException | java.nio.file.ProviderNotFoundException e) {
      throw new IOException(zip.getFileName() + " is not a readable zip: " + e.getMessage());
    }
    return written;
  }

  private static boolean executable(Path entry) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(entry);
      return perms.contains(PosixFilePermission.OWNER_EXECUTE);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * True for names a zip of a Mac or a habit adds: {@code __MACOSX}, {@code .DS_Store}, dot files.
   */
  static boolean junk(Path file) {
    for (Path part : file) {
      String s = part.toString();
      if (s.equals("__MACOSX") || s.startsWith(".") || s.equals("Thumbs.db")) {
        return true;
      }
    }
    return false;
  }

  /** Regular files only (no links), sorted, junk left out. */
  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !junk(dir.relativize(p)))
          .sorted()
          .toList();
    }
  }
}
