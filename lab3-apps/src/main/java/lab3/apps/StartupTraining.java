package lab3.apps;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lab3.apps.cli.Io;
import lab3.pmu.FloodText;
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
 *       PMU. OkHttp's classes (its handshake, then its frame reader; today the handshake only),
 *       loaded and linked from the cache rather than from the jar, were most of a cold {@code
 *       part5}'s time (bench 5).
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
            .floodText(FloodText.generated(FLOOD_BYTES))
            .build()
            .start()) {
      statuses.addAll(pdcSteps("part2", pmu.port(), io));
    }
    return statuses;
  }

  /**
   * The size of the training's floodme text: large enough, with {@link #FLOODS} of them, for the
   * client's receive loop (the read, the UTF-8 check, the write) to reach the JIT's last tier
   * during training.
   */
  static final int FLOOD_BYTES = 16 << 20;

  /** How many floodmes each PDC receives in training. */
  static final int FLOODS = 4;

  /**
   * A PDC's steps against a PMU on [::1]:port: 5 messages, then {@link #FLOODS} floodmes of {@link
   * #FLOOD_BYTES} with -v.
   *
   * <p>Why that much floodme: the cache also keeps the training run's method profiles (JEP 515), so
   * a loop that was hot in training is compiled early in every later run, from those profiles,
   * instead of after profiling it again. Trained on the built-in 45 KB text, the receive loop was
   * not hot: C2 spent about 270 ms of CPU in the first transfer (three compilations of the UTF-8
   * check among them) and the check's C2 code arrived 50 to 85 ms after the connect; trained on
   * these floodmes, 60-70 ms of C2 and 10 to 20 ms (issue 26, {@code -XX:+CITime} and {@code
   * -XX:+PrintCompilation}). Measured on 1 GiB floodmes from serve-pmu on [::1], the server on one
   * core and the readers on the other, 9 interleaved rounds on a quiet 2-core machine: transfer
   * median 512 ms with the old cache, 437 ms with this one (the C reader 404, Python's loop 455),
   * the client's CPU 0.56 s against 0.46. The training takes about half a second longer, once per
   * build.
   */
  static List<Integer> pdcSteps(String part, int port, Io io) {
    String p = String.valueOf(port);
    List<Integer> statuses = new ArrayList<>();
    statuses.add(Main.run(new String[] {part, "::1", p, "CMD_short:0"}, io));
    for (int i = 0; i < FLOODS; i++) {
      statuses.add(Main.run(new String[] {part, "-v", "::1", p, "CMD_floodme"}, io));
    }
    return statuses;
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
              .floodText(FloodText.generated(FLOOD_BYTES))
              .build()
              .start()) {
        return pdcSteps("part5", ws.port(), io);
      }
    }
  }
}
