package lab3.grading;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What runs for one part of a hand-in: the command line (absolute paths into the bench's copy of
 * the hand-in; the bench adds the part's arguments), the one phrase the feedback says the file was
 * taken for (e.g. {@code "Python (/usr/bin/python3 3.11.2)"}), and the paths outside {@code /usr}
 * the program needs to see, read-only (an interpreter under {@code /opt} or {@code ~/.pyenv}, the
 * copy's {@code lib/}): what a sandbox around the program must show it.
 *
 * @param command the command line, without the part's arguments
 * @param takenFor how the bench read the file, for the feedback
 * @param readOnly paths the program reads and must not write
 * @param notGraded why the bench cannot run this program here (a module of the bench's own
 *     environment missing, say), or null: such a check is a harness error, never a zero
 */
record Program(List<String> command, String takenFor, List<Path> readOnly, String notGraded) {
  Program {
    command = List.copyOf(command);
    Objects.requireNonNull(takenFor, "takenFor");
    readOnly = List.copyOf(readOnly);
  }

  Program(List<String> command, String takenFor, List<Path> readOnly) {
    this(command, takenFor, readOnly, null);
  }
}
