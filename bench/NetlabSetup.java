import java.util.Locale;
import lab3.netlab.LabNetwork;

/**
 * Benchmark 9's measuring program (run by bench/09-netlab-setup.sh as a source file, with lab3.jar
 * on the class path): in one fresh JVM, the probe that says whether a lab network can be made here,
 * the first lab network's set-up and tear-down (what each bench of grade --network netlab pays, a
 * JVM of its own per hand-in), then N more, no impairments (one veth link, MTU 1500). Prints one
 * line of key=value in milliseconds.
 */
public class NetlabSetup {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    long t0 = System.nanoTime();
    LabNetwork.unavailableReason()
        .ifPresent(
            why -> {
              throw new IllegalStateException(why);
            });
    long t1 = System.nanoTime();
    LabNetwork first = LabNetwork.builder().name("lab3bench9-first").start();
    long t2 = System.nanoTime();
    first.close();
    long t3 = System.nanoTime();
    long up = 0;
    long down = 0;
    for (int i = 0; i < n; i++) {
      long a = System.nanoTime();
      LabNetwork lab = LabNetwork.builder().name("lab3bench9-" + i).start();
      long b = System.nanoTime();
      lab.close();
      long c = System.nanoTime();
      up += b - a;
      down += c - b;
    }
    System.out.printf(
        Locale.ROOT,
        "probe=%.0f first_up=%.0f first_down=%.0f up=%.0f down=%.0f%n",
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        (t3 - t2) / 1e6,
        up / 1e6 / n,
        down / 1e6 / n);
  }
}
