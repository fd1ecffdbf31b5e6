package lab3.apps.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-in folder {@code Lab3_A_B/}: finds the program of each part, either an executable file
 * {@code Part2_A_B} or a Python file {@code Part2_A_B.py} (run with python3). Only regular files
 * inside the folder count: a link that leads outside it is refused, so a submission cannot make the
 * bench run or read anything else.
 */
final class Submission {
  private static final Pattern FOLDER = Pattern.compile("Lab3_([0-9]{6})_([0-9]{6})");

  private final Path dir;
  private final String a;
  private final String b;
  private final String python;

  private Submission(Path dir, String a, String b, String python) {
    this.dir = dir;
    this.a = a;
    this.b = b;
    this.python = python;
  }

  /**
   * Opens a folder named {@code Lab3_A_B}.
   *
   * @throws IllegalArgumentException if it is not a folder or not named like one
   */
  static Submission open(Path folder) throws IOException {
    return open(folder, "python3");
  }

  /** Opens a folder whose Python programs run with the interpreter {@code python}. */
  static Submission open(Path folder, String python) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("no submission folder at " + folder);
    }
    Path real = folder.toRealPath();
    Matcher m = FOLDER.matcher(real.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "a submission folder is named Lab3_<camipro1>_<camipro2>, got " + real.getFileName());
    }
    return new Submission(real, m.group(1), m.group(2), python);
  }

  Path dir() {
    return dir;
  }

  String camipro1() {
    return a;
  }

  String camipro2() {
    return b;
  }

  /** The command line that runs the part {@code stem} (e.g. "Part2"), if the folder has it. */
  Optional<List<String>> program(String stem) throws IOException {
    String name = stem + "_" + a + "_" + b;
    Path executable = inside(name);
    if (executable != null && Files.isExecutable(executable)) {
      return Optional.of(new ArrayList<>(List.of(executable.toString())));
    }
    Path python = inside(name + ".py");
    if (python != null) {
      return Optional.of(new ArrayList<>(List.of(this.python, python.toString())));
    }
    return Optional.empty();
  }

  /** A regular file of the folder by name, or null; refuses anything resolving outside. */
  Path inside(String name) throws IOException {
    Path file = dir.resolve(name).normalize();
    if (!file.startsWith(dir) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Path real = file.toRealPath();
    if (!real.startsWith(dir) || !Files.isRegularFile(real)) {
      throw new IOException(name + " leads outside the submission folder; refused");
    }
    return real;
  }
}
