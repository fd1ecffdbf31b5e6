package lab3.netlab;

import java.io.IOException;

/**
 * A rate limit with the kernel's token bucket filter ({@code tc qdisc ... tbf}) on a host's link:
 * frames leave at most at the rate, after a burst of one bucket. tbf exists in every Linux kernel
 * that has traffic control, netem or not.
 */
final class Tbf {
  private Tbf() {}

  static void apply(String namespace, String link, double rateMbit, int mtu) throws IOException {
    long bitsPerSecond = Math.round(rateMbit * 1_000_000);
    // The bucket holds at least two frames, and 10 ms of the rate (a timer tick's worth).
    long burst = Math.max(2L * (mtu + 14), bitsPerSecond / 8 / 100);
    Shell.run(
        "ip",
        "netns",
        "exec",
        namespace,
        "tc",
        "qdisc",
        "add",
        "dev",
        link,
        "root",
        "tbf",
        "rate",
        bitsPerSecond + "bit",
        "burst",
        Long.toString(burst),
        "latency",
        "1s");
  }
}
