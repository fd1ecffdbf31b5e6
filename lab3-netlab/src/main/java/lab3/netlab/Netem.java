package lab3.netlab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's network emulator ({@code tc qdisc ... netem}), where the kernel has it (most Linux
 * laptops and servers; not this project's CI machine): delay, jitter, loss, reordering, duplication
 * and rate on a host's outgoing frames, so on both hosts the link is impaired each way.
 */
final class Netem {
  private Netem() {}

  /** True if netem can be put on {@code lo} of {@code namespace} (it is removed again). */
  static boolean works(String namespace) throws IOException {
    Shell.Result added =
        Shell.tryRun(
            "ip", "netns", "exec", namespace, "tc", "qdisc", "add", "dev", "lo", "root", "netem",
            "delay", "0ms");
    if (added.status() != 0) {
      return false;
    }
    Shell.tryRun("ip", "netns", "exec", namespace, "tc", "qdisc", "del", "dev", "lo", "root");
    return true;
  }

  static void apply(String namespace, String link, Impairments impairments) throws IOException {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "ip", "netns", "exec", namespace, "tc", "qdisc", "add", "dev", link, "root",
                "netem"));
    argv.addAll(
        List.of(
            "delay",
            impairments.delay().toNanos() / 1000 + "us",
            impairments.jitter().toNanos() / 1000 + "us"));
    argv.addAll(List.of("loss", impairments.loss() * 100 + "%"));
    argv.addAll(List.of("reorder", impairments.reorder() * 100 + "%"));
    argv.addAll(List.of("duplicate", impairments.duplicate() * 100 + "%"));
    if (impairments.rateMbit() > 0) {
      argv.addAll(List.of("rate", Math.round(impairments.rateMbit() * 1_000_000) + "bit"));
    }
    Shell.run(argv.toArray(String[]::new));
  }
}
