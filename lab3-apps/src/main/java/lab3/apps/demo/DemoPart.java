package lab3.apps.demo;

import java.io.PrintStream;

/** One part of {@code ./lab3 demo}: runs end to end on loopback and prints a short summary. */
public interface DemoPart {

  /** The heading, e.g. "Part 2: packetization (TCP over IPv6)". */
  String title();

  /**
   * Starts what it needs (emulators on free loopback ports), runs the part's client, prints what
   * was sent and what came back to {@code out}, and closes everything. Throws if the part did not
   * work.
   */
  void run(PrintStream out) throws Exception;
}
