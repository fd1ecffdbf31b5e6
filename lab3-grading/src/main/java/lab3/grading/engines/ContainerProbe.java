package lab3.grading.engines;

import java.util.Optional;
import lab3.grading.NetworkSandbox;
import lab3.netlab.LabNetwork;

/**
 * What a grading engine's container allows the bench, found by trying, and what that changes in
 * grading. Engines run a job in a container that usually forbids namespaces (Gradescope, Docker's
 * default seccomp profile) and, on Autolab, gives no root, so the bench takes the best of: a lab
 * network of its own ({@code netlab}: root and network namespaces), a network namespace with only
 * {@code lo} ({@code sandbox}: user namespaces or root), or the container's own loopback ({@code
 * host}). Every result states the finding, so that a student and the staff know which checks were
 * weaker than at the lab. {@code grade-class}, which grades on the staff's machine, states where it
 * graded in the same words ({@link #onGradingMachine}).
 *
 * @param network the bench's {@code --network} for this container: netlab, sandbox or host
 * @param statement one paragraph for people: what was allowed and which checks that changes
 */
public record ContainerProbe(String network, String statement) {

  /** Tries a lab network, then a network namespace; takes the first that can be made here. */
  public static ContainerProbe probe() throws InterruptedException {
    Optional<String> noLab = LabNetwork.unavailableReason();
    if (noLab.isEmpty()) {
      return new ContainerProbe(
          "netlab", "This container allows a lab network (root and network namespaces): " + NETLAB);
    }
    if ((NetworkSandbox.inside() || NetworkSandbox.unshare().isPresent())) {
      return new ContainerProbe(
          "sandbox",
          "This container allows a network namespace but no lab network ("
              + noLab.get()
              + "): "
              + SANDBOX);
    }
    return new ContainerProbe(
        "host",
        "This container allows neither a lab network ("
            + noLab.get()
            + ") nor a network namespace: "
            + host("the container")
            + " What a program sends can leave the container if the engine gives it a network"
            + " (Gradescope does by default).");
  }

  /**
   * Where {@code grade-class} graded a hand-in on the staff's machine, in the words of {@link
   * #probe()}: on a lab network of its own, in a network namespace, or on the machine's loopback.
   *
   * @param network netlab, sandbox or host (grade's {@code --network}, as decided)
   * @return the finding
   * @throws IllegalArgumentException for another network
   */
  public static ContainerProbe onGradingMachine(String network) {
    return switch (network) {
      case "netlab" ->
          new ContainerProbe(network, "Graded on a lab network of the hand-in's own: " + NETLAB);
      case "sandbox" ->
          new ContainerProbe(
              network, "Graded in a network namespace of its own, no lab network: " + SANDBOX);
      case "host" ->
          new ContainerProbe(
              network,
              "Graded with neither a lab network nor a network namespace: "
                  + host("the grading machine"));
      default -> throw new IllegalArgumentException("no such network: " + network);
    };
  }

  private static final String NETLAB =
      "the programs ran on a host pc and the emulators on labhost, as at the lab; no check was"
          + " changed.";

  private static final String SANDBOX =
      "the programs and the emulators ran in a namespace of the bench's own with only lo. Changed:"
          + " a program that takes no server and hard-codes tcpip.epfl.ch (Part 3, or Part 2 and 5"
          + " given only the command) cannot be graded here (that check is reported as not"
          + " graded); every other check is as at the lab.";

  private static String host(String place) {
    return "the programs and the emulators ran on "
        + place
        + "'s own loopback. Changed: Part 4's receiver check cannot tell a receiver that joins"
        + " the group from one that does not (that needs a network of the bench's own), and a"
        + " Part 4 sender must send by lo (IP_MULTICAST_IF 127.0.0.1); a program that hard-codes"
        + " the group 224.1.1.1 or the server tcpip.epfl.ch cannot be graded here; port 5003"
        + " (Part 6) must be free in "
        + place
        + ".";
  }
}
