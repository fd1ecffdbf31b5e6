package lab3.apps.cli;

/**
 * Runs one {@code ./lab3} command line in this process and returns its exit status, as {@code Main}
 * does. A command that runs other commands (the demo runs submit and grade) is given one by {@code
 * Commands} ({@code Main::run}), so that it need not import {@code Main}, which imports it.
 */
@FunctionalInterface
public interface CommandRunner {
  int run(String[] args, Io io);
}
