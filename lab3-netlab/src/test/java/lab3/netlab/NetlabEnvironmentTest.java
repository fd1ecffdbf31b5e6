package lab3.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NetlabEnvironmentTest {

  private static void labNetworkHere() {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
  }

  @Test
  void aClientOnPcReachesAServerOnLabhostAndTheProfileNamesTheImpairments() throws Exception {
    labNetworkHere();
    String name = "envt" + ProcessHandle.current().pid();
    try (NetlabEnvironment env =
        NetlabEnvironment.start(
            LabNetwork.builder().name(name).delay(Duration.ofMillis(1)).loss(0.01))) {
      assertEquals("netlab", env.name());
      assertTrue(env.isolated());
      assertEquals(5003, env.port(5003), "the namespaces are its own: the lab's ports");
      assertTrue(env.profile().contains("loss 1%"), env.profile());
      try (ServerSocket server = env.onServer(() -> new ServerSocket(0, 1, env.serverV4()))) {
        try (Socket client =
            env.onClient(() -> new Socket(env.serverV4(), server.getLocalPort()))) {
          assertEquals(env.clientV4(), client.getLocalAddress());
        }
      }
    }
    assertTrue(Files.notExists(Path.of("/var/run/netns", name + "-pc")), "the network is gone");
  }
}
