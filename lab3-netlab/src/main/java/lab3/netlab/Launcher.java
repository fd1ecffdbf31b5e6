package lab3.netlab;

import java.nio.file.Path;
import java.util.List;

/**
 * How a command runs {@code lab3} again in another process: {@code netlab up} starts the wire's
 * relay ({@code lab3 netlab relay}) in the wire namespace, {@code grade} runs itself again inside
 * its sandbox, the tests run a command as a student would. Each needs this JVM's {@code java}, its
 * class path and the entry point's name; this is the one place that knows them.
 *
 * <p>The pitfall this seam removes: a library module that imports the entry point ({@code
 * lab3.apps.Main}) to learn its name depends on the module that depends on it, an import cycle. The
 * entry point is named here as text; {@code -Dlab3.main=} names another one (a test's).
 */
public final class Launcher {
  /** The system property that names another entry point than {@link #DEFAULT_MAIN}. */
  public static final String MAIN_PROPERTY = "lab3.main";

  /** The {@code lab3} command's entry point: {@code ./lab3} runs it (see the launcher script). */
  public static final String DEFAULT_MAIN = "lab3.apps.Main";

  private Launcher() {}

  /** The entry point's class name: {@code -Dlab3.main=} if given, else {@link #DEFAULT_MAIN}. */
  public static String mainClass() {
    return System.getProperty(MAIN_PROPERTY, DEFAULT_MAIN);
  }

  /** This JVM's {@code java} program. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * What follows the JVM options on a command line that runs {@code lab3} on this JVM's class path:
   * {@code -cp <class path> <entry point>}; the command's arguments come after it.
   */
  public static List<String> classPathAndMain() {
    return List.of("-cp", System.getProperty("java.class.path"), mainClass());
  }
}
