package lab3.grading.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lab3.grading.batch.SafeZip;

/**
 * Finds the Lab 3 hand-in in what an engine hands over, whatever the student uploaded: the zip made
 * by {@code ./lab3 submit} ({@code Lab3_A_B.zip}, or Autolab's {@code handin.zip}), the folder
 * {@code Lab3_A_B/}, or its files alone ({@code Part2_A_B.java}, ...). A zip is unpacked by {@link
 * SafeZip} (no zip slip, no links, bounded size); files alone are copied into a folder named as the
 * bench wants it, the CAMIPRO numbers taken from their names. Links are never followed.
 */
final class HandInIntake {
  private static final Pattern FOLDER = Pattern.compile("Lab3_[0-9]{6}_[0-9]{6}");
  private static final Pattern PROGRAM =
      Pattern.compile("Part(?:2|3|4_Receiver|4_Sender|5|6_PMU)_([0-9]{6})_([0-9]{6})(?:\\..*)?");
  private static final int DEPTH = 4;

  private HandInIntake() {}

  /**
   * The hand-in folder found in {@code submission} (a file or a directory), unpacked or copied into
   * {@code work} if need be; empty if there is none.
   *
   * @throws UnreadableHandIn if the zip uploaded cannot be unpacked safely
   */
  static Optional<Path> find(Path submission, Path work) throws IOException {
    Path where = submission;
    if (Files.isRegularFile(submission, LinkOption.NOFOLLOW_LINKS)) {
      where = unzip(submission, work);
    } else if (Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS)
        && find(submission).isEmpty()) {
      Optional<Path> zip;
      try (Stream<Path> files = Files.list(submission)) {
        zip =
            files
                .filter(f -> f.getFileName().toString().toLowerCase().endsWith(".zip"))
                .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                .sorted()
                .findFirst();
      }
      if (zip.isPresent()) {
        where = unzip(zip.get(), work);
      }
    } else if (!Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Optional<Path> found = find(where);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Path folder = found.get();
    if (FOLDER.matcher(folder.getFileName().toString()).matches()) {
      return found;
    }
    // Files alone: a folder named from the first program's numbers.
    Matcher m = firstProgram(folder).orElseThrow();
    Path copy = work.resolve("Lab3_" + m.group(1) + "_" + m.group(2));
    copyTree(folder, copy);
    return Optional.of(copy);
  }

  private static Path unzip(Path zip, Path work) throws IOException {
    Path into = work.resolve("unzipped");
    try {
      SafeZip.unpack(zip, into, SafeZip.Limits.DEFAULT);
    } catch (IOException e) {
      throw new UnreadableHandIn(e.getMessage());
    }
    return into;
  }

  /**
   * The student's zip cannot be unpacked (not a zip, too big, a name going outside): their fault.
   */
  static final class UnreadableHandIn extends IOException {
    UnreadableHandIn(String message) {
      super(message);
    }
  }

  /** A folder Lab3_A_B, or a folder holding a part's program, the shallowest first. */
  private static Optional<Path> find(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root, DEPTH)) {
      List<Path> dirs =
          walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
              .filter(p -> !p.getFileName().toString().equals("__MACOSX"))
              .sorted(Comparator.comparingInt(Path::getNameCount).thenComparing(p -> p))
              .toList();
      for (Path dir : dirs) {
        if (FOLDER.matcher(dir.getFileName().toString()).matches()) {
          return Optional.of(dir);
        }
      }
      for (Path dir : dirs) {
        if (firstProgram(dir).isPresent()) {
          return Optional.of(dir);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Matcher> firstProgram(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
          .map(f -> PROGRAM.matcher(f.getFileName().toString()))
          .filter(Matcher::matches)
          .sorted(Comparator.comparing(Matcher::group))
          .findFirst();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dest);
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.copy(p, dest);
        }
      }
    }
  }
}
