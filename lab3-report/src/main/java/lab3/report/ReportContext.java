package lab3.report;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import lab3.netlab.LabEnvironment;

/**
 * What every experiment receives: the network, the capture tools (or why there are none), where to
 * keep captures, and the few settings of the run.
 *
 * @param network where the emulators and clients run
 * @param captures dumpcap and tshark
 * @param noCapture why no capture can be made, or empty
 * @param out the report's directory; captures go to {@code out/captures}
 * @param messages n, the PMU's messages per {@code CMD_short}
 * @param runs Q15's number of resets
 * @param loss the reset emulator's configured loss probability
 * @param seed the seed of the emulators' random choices
 * @param camipro the two CAMIPRO numbers of Part 4's senders
 * @param log diagnostics (stderr with -v)
 */
public record ReportContext(
    LabEnvironment network,
    Captures captures,
    Optional<String> noCapture,
    Path out,
    int messages,
    int runs,
    double loss,
    long seed,
    String[] camipro,
    Consumer<String> log) {

  /** The same run on another network (one factor varied). */
  public ReportContext on(LabEnvironment other) {
    return new ReportContext(
        other, captures, noCapture, out, messages, runs, loss, seed, camipro, log);
  }

  public boolean capturing() {
    return noCapture.isEmpty();
  }

  public Path capture(String name) {
    return out.resolve("captures").resolve(name + ".pcapng");
  }
}
