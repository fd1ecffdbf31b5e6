package lab3.apps;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lab3.apps.cli.Io;
import lab3.pmu.PmuServer;
import lab3.reset.ResetServer;
import lab3.ws.WsPmuServer;

/**
 * The fixed workloads the launcher records the JDK's start-up caches from (JEPs 483, 514, 515),
 * once per build: {@code java -XX:AOTMode=record -cp CLASSPATH lab3.apps.StartupTraining [full]}.
 * Not a command: {@code ./lab3} runs it on its own before the first command of a build that needs
 * the cache, so each cache is the same whichever command a user types first (it used to be trained
 * on that command, and {@code ./lab3 --help} first left {@code part3} 1.5x slower to start than
 * {@code part3} first).
 *
 * <p>Two caches, because every class in a cache is loaded at every start that uses it (JEP 483):
 *
 * <ul>
 *   <li>The <b>light</b> one (no argument), on {@code lab3-light.jar}, for the clients and
 *       emulators of Parts 1 to 4: through {@link Main#run} with the output thrown away, the
 *       overview and a command's help, usage errors, and the short-lived clients ({@code part2},
 *       {@code part3}) against in-process emulators on loopback. No Jetty, OkHttp or BouncyCastle
 *       class is in it, so {@code part3} does not load them.
 *   <li>The <b>full</b> one ({@code full}), on {@code lab3-light.jar} and {@code lab3.jar}, for
 *       every other command: the same steps, then {@code part5} against an in-process WebSocket
 *       PMU. OkHttp's handshake and frame reader, loaded and linked from the cache rather than from
 *       the jar, were most of a cold {@code part5}'s time (bench 5).
 * </ul>
 */
public final class StartupTraining {
  private StartupTraining() {}

  /**
   * Runs the workload and exits 0 (a failed step only makes the cache smaller).
   *
   * @param args ignored
   * @throws Exception if an emulator cannot start
   */
  public static void main(String[] args) throws Exception {
    run();
    if (args.length > 0 && args[0].equals("full")) {
      WebSocketSteps.run(quiet());
    }
    System.exit(0);
  }

  /** The console the workload writes to: nowhere. */
  private static Io quiet() {
    PrintStream nowhere =
        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    return new Io(InputStream.nullInputStream(), nowhere, nowhere);
  }

  /** The steps' exit statuses, in order (the test checks that each step did what it is for). */
  static List<Integer> run() throws Exception {
    Io io = quiet();
    List<Integer> statuses = new ArrayList<>();
    for (String[] line : OFFLINE) {
      statuses.add(Main.run(line, io));
    }
    try (ResetServer reset = ResetServer.builder().loopback(true).port(0).build().start()) {
      for (String host : List.of("::1", "127.0.0.1", "localhost")) {
        statuses.add(Main.run(new String[] {"part3", host, String.valueOf(reset.port())}, io));
      }
    }
    try (PmuServer pmu =
        PmuServer.builder()
            .bindAddress(InetAddress.getByName("::1"))
            .port(0)
            .messages(5)
            .build()
            .start()) {
      statuses.addAll(pdcSteps("part2", pmu.port(), io));
    }
    return statuses;
  }

  /** A PDC's two steps against a PMU on [::1]:port: 5 messages, then floodme with -v. */
  static List<Integer> pdcSteps(String part, int port, Io io) {
    String p = String.valueOf(port);
    return List.of(
        Main.run(new String[] {part, "::1", p, "CMD_short:0"}, io),
        Main.run(new String[] {part, "-v", "::1", p, "CMD_floodme"}, io));
  }

  /** The steps that need no server: help and usage errors. */
  static final List<String[]> OFFLINE =
      List.of(
          new String[] {"--help"},
          new String[0],
          new String[] {"no-such-command"},
          new String[] {"part3", "--help"},
          new String[] {"part3", "only-one-argument"},
          new String[] {"part2", "--help"});

  /**
   * The full cache's own steps: {@code part5} against an in-process WebSocket PMU. A class of its
   * own, so that the light cache's training, on {@code lab3-light.jar} where Jetty and OkHttp are
   * not, never loads it.
   */
  static final class WebSocketSteps {
    private WebSocketSteps() {}

    /** The steps' exit statuses, in order. */
    static List<Integer> run(Io io) throws Exception {
      try (WsPmuServer ws =
          WsPmuServer.builder()
              .bindAddress(InetAddress.getByName("::1"))
              .port(0)
              .messages(5)
              .build()
              .start()) {
        return pdcSteps("part5", ws.port(), io);
      }
    }
  }
}
