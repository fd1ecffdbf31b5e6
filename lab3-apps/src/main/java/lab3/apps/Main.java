package lab3.apps;

import java.util.Arrays;
import java.util.List;
import lab3.apps.cli.Command;
import lab3.apps.cli.Io;
import lab3.apps.cli.Printable;
import lab3.apps.cli.UsageException;
import lab3.report.Failures;

/**
 * {@code ./lab3 <command> [args]}: finds the command and runs it. Exit status: 0 on success, 1 when
 * the work failed (network, protocol, files), 2 for a bad command line. Errors are one line on
 * stderr, never a stack trace.
 */
public final class Main {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private static final String USAGE_LINE = "usage: ./lab3 <command> [arguments]";

  private Main() {}

  public static void main(String[] args) {
    Io io = Io.system();
    int status = run(args, io);
    io.out().flush();
    io.err().flush();
    if (status == OK && onlyDaemonThreadsLeft()) {
      // The JVM ends here as after System.exit(0), shutdown hooks included, but without what
      // Runtime.exit adds since JDK 21: a System.Logger looked up to log the exit, whose service
      // lookup opens and scans every jar on the class path (20-50 ms of CPU per command with
      // lab3.jar on it, a hello-world's start-up; measured 2026-12-07).
      return;
    }
    System.exit(status);
  }

  /** True if every live platform thread but this one is a daemon: returning ends the JVM. */
  private static boolean onlyDaemonThreadsLeft() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    if (n == threads.length) {
      return false; // more than counted: do not guess
    }
    for (int i = 0; i < n; i++) {
      Thread t = threads[i];
      if (t != Thread.currentThread() && t.isAlive() && !t.isDaemon()) {
        return false;
      }
    }
    return true;
  }

  /** Runs one command line against the given console and returns the exit status. */
  public static int run(String[] args, Io io) {
    if (args.length == 0) {
      io.err().print(overview(Commands.all())); // a usage error: stderr, stdout stays data only
      io.err().flush();
      return USAGE;
    }
    if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      io.out().print(overview(Commands.all()));
      io.out().flush();
      return OK;
    }
    Command command = Commands.named(args[0]); // only this one is made
    if (command == null) {
      io.err().println("lab3: unknown command '" + args[0] + "'");
      io.err().println(USAGE_LINE + "   (./lab3 --help lists them)");
      return USAGE;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      return command.run(rest, io);
    } catch (UsageException e) {
      io.out().flush();
      io.err().println("lab3 " + command.name() + ": " + Printable.line(e.getMessage()));
      if (e.usage() != null) {
        io.err().println(e.usage() + "   (--help for more)");
      }
      return USAGE;
    } catch (IllegalArgumentException e) {
      io.out().flush();
      io.err().println("lab3 " + command.name() + ": " + Printable.line(e.getMessage()));
      return USAGE;
    } catch (Exception | Error e) {
      io.out().flush();
      io.err().println("lab3 " + command.name() + ": " + Printable.line(Failures.describe(e)));
      return FAILED;
    }
  }

  static String overview(List<Command> commands) {
    StringBuilder text = new StringBuilder();
    text.append(USAGE_LINE).append("   (./lab3 <command> --help for one)\n\n");
    text.append("Lab3: the socket-programming lab, its servers emulated on this machine.\n\n");
    int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
    for (Command c : commands) {
      text.append("  ").append(c.name()).append(" ".repeat(width - c.name().length() + 3));
      text.append(c.summary()).append('\n');
    }
    return text.toString();
  }
}
