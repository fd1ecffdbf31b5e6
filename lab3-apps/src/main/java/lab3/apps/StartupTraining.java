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

/**
 * The fixed workload the launcher records the JDK's start-up cache from (JEPs 483, 514, 515), once
 * per build: {@code java -XX:AOTMode=record -cp lab3-light.jar lab3.apps.StartupTraining}. Not a
 * command: {@code ./lab3} runs it on its own before the first command of a build, so the cache is
 * the same whichever command a user types first (it used to be trained on that command, and {@code
 * ./lab3 --help} first left {@code part3} 1.5x slower to start than {@code part3} first).
 *
 * <p>It runs, through {@link Main#run} with the output thrown away: the overview and a command's
 * help, usage errors, and the short-lived clients ({@code part2}, {@code part3}) against in-process
 * emulators on loopback. The servers, WebSocket, TLS and grading commands are left out on purpose:
 * every class in the cache is loaded at every start, so Jetty, OkHttp or BouncyCastle in it would
 * slow the short commands the cache is for; those commands load their classes from the jar as
 * before.
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
    System.exit(0);
  }

  /** The steps' exit statuses, in order (the test checks that each step did what it is for). */
  static List<Integer> run() throws Exception {
    PrintStream nowhere =
        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    Io io = new Io(InputStream.nullInputStream(), nowhere, nowhere);
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
      String port = String.valueOf(pmu.port());
      statuses.add(Main.run(new String[] {"part2", "::1", port, "CMD_short:0"}, io));
      statuses.add(Main.run(new String[] {"part2", "-v", "::1", port, "CMD_floodme"}, io));
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
}
