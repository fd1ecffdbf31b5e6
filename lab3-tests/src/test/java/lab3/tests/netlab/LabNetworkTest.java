package lab3.tests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab3.netlab.LabNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabNetworkTest {
  @BeforeAll
  static void needsALabNetwork() {
    assumeTrue(
        LabNetwork.unavailableReason().isEmpty(),
        () -> "no lab network here: " + LabNetwork.unavailableReason().orElseThrow());
  }

  @Test
  void pcReachesLabhostOnBothFamiliesAndTcpipLabNamesBoth() throws Exception {
    try (LabNetwork lab = LabNetwork.builder().start()) {
      try (ServerSocket server = lab.labhost().call(() -> new ServerSocket(5003))) {
        for (var address : List.of(lab.labhost().ipv4(), lab.labhost().ipv6())) {
          String answer =
              lab.pc()
                  .call(
                      () -> {
                        try (Socket client = new Socket(address, 5003);
                            Socket accepted = server.accept()) {
                          accepted.getOutputStream().write("hi".getBytes(StandardCharsets.UTF_8));
                          accepted.shutdownOutput();
                          return new String(
                              client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        }
                      });
          assertEquals("hi", answer, "over " + address);
        }
      }
      Process getent =
          lab.pc()
              .command(List.of("getent", "ahosts", "tcpip.lab"))
              .redirectErrorStream(true)
              .start();
      String names;
      try (InputStream in = getent.getInputStream()) {
        names = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertEquals(0, getent.waitFor());
      assertTrue(names.contains("198.18.0.2"), names);
      assertTrue(names.contains("fd1a:b3d0:c3e0:1::2"), names);
    }
  }

  @Test
  void closeRemovesTheNamespacesAndHostsFilesAndIsIdempotent() throws Exception {
    LabNetwork lab = LabNetwork.builder().start();
    String namespace = lab.pc().namespace();
    assertTrue(Files.exists(Path.of("/var/run/netns", namespace)));
    lab.close();
    lab.close();
    assertFalse(Files.exists(Path.of("/var/run/netns", namespace)));
    assertFalse(Files.exists(Path.of("/etc/netns", namespace)));
    assertFalse(Files.exists(Path.of("/var/run/netns", lab.labhost().namespace())));
  }

  @Test
  void theLinkHasNoDefaultRoute() throws Exception {
    try (LabNetwork lab = LabNetwork.builder().start()) {
      Process routes = lab.pc().command(List.of("ip", "route", "show", "default")).start();
      String text = new String(routes.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, routes.waitFor());
      assertEquals("", text.strip());
    }
  }

  @Test
  void linkDownCutsBothWaysAndLinkUpLetsAnOpenConnectionCarryOn() throws Exception {
    try (LabNetwork lab = LabNetwork.builder().name("nlt-linkdown").start();
        ServerSocket server = lab.labhost().call(() -> new ServerSocket(5003))) {
      Socket client = lab.pc().call(() -> new Socket(lab.labhost().ipv4(), 5003));
      try (client;
          Socket accepted = server.accept()) {
        lab.linkDown();
        assertFalse(lab.isLinkUp());
        accepted.getOutputStream().write('x');
        client.setSoTimeout(500);
        assertThrows(SocketTimeoutException.class, () -> client.getInputStream().read());
        assertThrows(
            IOException.class,
            () ->
                lab.pc()
                    .call(
                        () -> {
                          try (Socket other = new Socket()) {
                            other.connect(new InetSocketAddress(lab.labhost().ipv6(), 5003), 500);
                          }
                          return null;
                        }),
            "a connect across a cut link");
        lab.linkUp();
        assertTrue(lab.isLinkUp());
        client.setSoTimeout(30_000); // TCP's next retransmission, within a few seconds
        assertEquals('x', client.getInputStream().read());
      }
    }
  }

  @Test
  void closeEndsAProcessLeftRunningInAHostEvenOneThatIgnoresSigtermBeforeItReturns()
      throws Exception {
    LabNetwork lab = LabNetwork.builder().name("nlt-leftover").start();
    Process server;
    try {
      server =
          lab.labhost()
              .command(List.of("sh", "-c", "trap '' TERM; echo up; exec sleep 600"))
              .start();
      // the line means the process is in the host (ip netns exec entered it before exec)
      assertEquals('u', server.getInputStream().read());
    } finally {
      lab.close();
    }
    assertFalse(server.isAlive(), "a process of labhost outlived close()");
  }
}
