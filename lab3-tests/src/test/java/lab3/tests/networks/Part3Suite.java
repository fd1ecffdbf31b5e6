package lab3.tests.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab3.reset.ResetServer;
import lab3.tests.CommandRun;
import lab3.transport.Family;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Part 3 on a network, with 30% of the datagrams lost: the reset server on ONE family behind the
 * server's name (which names both), and {@code part3 NAME PORT} must find it and print exactly one
 * {@code OFFSET=X}, an X the server really sent (its log says which it sent: with the losses and
 * the client's repeats, the server may answer several rounds, each with an X of its own).
 */
abstract class Part3Suite extends NetworkSuite {
  private static final Pattern SENT = Pattern.compile(" -> (OFFSET=\\d+)$");

  /** The loss the server adds to the network's own, so that 30% of datagrams are lost in all. */
  abstract double serverLoss();

  @ParameterizedTest
  @EnumSource(names = {"IPV4", "IPV6"})
  void part3ByNamePrintsOneOffsetTheServerSentWithThirtyPercentLoss(Family family)
      throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (ResetServer server =
        network.onServer(
            () ->
                ResetServer.builder()
                    .family(family)
                    .loopback(network.isLoopback())
                    .port(0)
                    .loss(serverLoss())
                    .random(new Random(family == Family.IPV4 ? 0 : 1))
                    .log(log::add)
                    .build()
                    .start())) {
      List<String> args = new ArrayList<>(List.of("part3", "--timeout", "0.5"));
      args.addAll(network.resolveBothFamilies());
      args.addAll(List.of(network.serverName(), Integer.toString(server.port())));
      CommandRun run = network.lab3(args.toArray(String[]::new));

      assertEquals(0, run.status(), run.stderr());
      assertTrue(run.out().matches("OFFSET=\\d+\n"), "stdout: [" + run.out() + "]");
      List<String> sent = new ArrayList<>();
      for (String line : log) {
        Matcher m = SENT.matcher(line);
        if (m.find()) {
          sent.add(m.group(1));
        }
      }
      assertTrue(
          sent.contains(run.out().strip()),
          run.out().strip() + " is not among what the server sent: " + log);
    }
  }
}
