package lab3.examples.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab3.multicast.MulticastChannel;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.pmu.PmuServer;
import lab3.reset.ResetClient;
import lab3.reset.ResetServer;
import lab3.transport.Connection;
import lab3.transport.Endpoint;
import lab3.transport.Family;
import lab3.transport.InMemoryTransport;
import lab3.transport.ScriptedInputStream;
import lab3.transport.Transport;
import lab3.ws.WsPmuClient;
import org.junit.jupiter.api.Test;

/** lab3-core with Guava alone, as a project that needs Parts 2 to 4 would use it. */
class LeanConsumerTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void aPmuSessionOverTcp() throws Exception {
    try (PmuServer pmu = PmuServer.builder().bindAddress(LOOPBACK).port(0).messages(5).build()) {
      pmu.start();
      List<String> got = new ArrayList<>();
      PmuResult r =
          PmuClient.builder()
              .build()
              .send(
                  new Endpoint("127.0.0.1", pmu.port()),
                  PmuCommand.parse("CMD_short:0"),
                  PmuListener.forMessages(got::add));
      assertEquals(5, r.messages());
      assertEquals("This is PMU data 5", got.get(4));
    }
  }

  @Test
  void aResetOverUdp() throws Exception {
    try (ResetServer server =
        ResetServer.builder().family(Family.IPV4).loopback(true).port(0).build().start()) {
      int offset =
          ResetClient.builder()
              .maxRounds(50)
              .build()
              .reset(new Endpoint("127.0.0.1", server.port()))
              .offset();
      assertTrue(offset >= 0 && offset <= 20, "offset " + offset);
    }
  }

  @Test
  void aMulticastMessageOnLoopback() throws Exception {
    InetAddress group = InetAddress.getByName("239.77." + (int) (Math.random() * 250 + 1) + ".9");
    try (MulticastChannel receiver =
            MulticastChannel.builder()
                .group(group)
                .port(0)
                .networkInterface(MulticastChannel.loopbackInterface())
                .ttl(1)
                .open()
                .join();
        MulticastChannel sender =
            MulticastChannel.builder()
                .group(group)
                .port(receiver.port())
                .networkInterface(MulticastChannel.loopbackInterface())
                .ttl(1)
                .open()) {
      sender.send("123456", "hello, group");
      assertEquals("hello, group", receiver.receive(Duration.ofSeconds(10)).text());
    }
  }

  @Test
  void aMockedConnectionWithScriptedChunks() throws Exception {
    Connection connection = mock(Connection.class);
    when(connection.input())
        .thenReturn(ScriptedInputStream.of("This is PMU data 1This is PM", "U data 2"));
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    when(connection.output()).thenReturn(sent);
    Transport transport = endpoint -> connection;
    List<String> got = new ArrayList<>();
    PmuClient.builder()
        .transport(transport)
        .build()
        .send(
            new Endpoint("pmu.test", 5003),
            PmuCommand.parse("CMD_short:0"),
            PmuListener.forMessages(got::add));
    assertEquals(List.of("This is PMU data 1", "This is PMU data 2"), got);
    assertEquals("CMD_short:0", sent.toString(StandardCharsets.US_ASCII));
  }

  @Test
  void theInMemoryTransportOneByteAtATime() throws Exception {
    PmuServer pmu = PmuServer.builder().messages(12).build(); // never started: no socket
    Transport oneByte = InMemoryTransport.builder(pmu.handler()).readSizes(() -> 1).build();
    PmuResult r =
        PmuClient.builder()
            .transport(oneByte)
            .build()
            .send(new Endpoint("pmu.test", 5003), PmuCommand.parse("CMD_short:0"), new PmuListener() {});
    assertEquals(12, r.messages());
    assertEquals(r.bytes(), r.reads()); // one byte per read
  }

  @Test
  void theWebSocketClientWithoutOkHttpSaysWhatToAdd() {
    IllegalStateException e = assertThrows(IllegalStateException.class, WsPmuClient::builder);
    assertTrue(e.getMessage().contains("com.squareup.okhttp3:okhttp-jvm:"), e.getMessage());
    if (WsPmuClient.class.getModule().isNamed()) { // on the module path: the module to require too
      assertTrue(e.getMessage().contains("'requires okhttp3;'"), e.getMessage());
    }
  }

  @Test
  void onTheModulePathThisConsumerIsTheNamedModuleThatRequiresOnlyLab3Core() {
    String modulePath = System.getProperty("jdk.module.path", "");
    Module module = PmuClient.class.getModule();
    if (modulePath.isEmpty()) {
      assertTrue(!LeanConsumerTest.class.getModule().isNamed()); // the class-path run
      return;
    }
    assertEquals("lab3.core", module.getName());
    Module self = Demo.class.getModule();
    assertEquals("lab3.examples.lean", self.getName());
    assertTrue(
        self.getDescriptor().requires().stream()
            .allMatch(r -> r.name().equals("lab3.core") || r.name().equals("java.base")),
        self.getDescriptor().toString());
    assertTrue(ModuleLayer.boot().findModule("okhttp3").isEmpty(), "okhttp3 is resolved");
  }
}
