package lab3.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.ws.WsCloseException;
import lab3.ws.WsPmuClient;
import org.junit.jupiter.api.Test;

class ScriptedWsPeerTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @Test
  void wholeMessagesOneFrameEachAndTheCommandRecorded() throws Exception {
    try (ScriptedWsPeer peer =
            ScriptedWsPeer.builder()
                .message(PmuStreams.message(1))
                .message(PmuStreams.message(2))
                .start();
        WsPmuClient client = WsPmuClient.builder().build()) {
      List<String> got = new ArrayList<>();
      PmuResult r =
          client.send(
              peer.endpoint(), PmuCommand.parse("CMD_short:0"), PmuListener.forMessages(got::add));
      assertEquals(PmuStreams.expectedMessages(2), got);
      assertEquals(2, r.reads());
      assertEquals(List.of("CMD_short:0"), peer.received());
      assertEquals(1000, peer.clientCloseCode(PATIENCE));
    }
  }

  @Test
  void aFragmentedMessageIsOneMessageAndACharacterCutBetweenFramesIsWhole() throws Exception {
    String text = "né€ Verona";
    byte[] bytes = PmuStreams.floodme(text);
    try (ScriptedWsPeer peer = ScriptedWsPeer.builder().fragmented(bytes, 2, 4, 7).start();
        WsPmuClient client = WsPmuClient.builder().build()) {
      StringBuilder got = new StringBuilder();
      PmuResult r =
          client.send(
              peer.endpoint(), PmuCommand.parse("CMD_floodme"), PmuListener.forText(got::append));
      assertEquals(text, got.toString());
      assertEquals(1, r.reads()); // one on_message for four frames
    }
  }

  @Test
  void aCloseWithAnErrorCodeIsAWsCloseException() throws Exception {
    try (ScriptedWsPeer peer =
            ScriptedWsPeer.builder()
                .message("This is PMU data 1")
                .close(1011, "overloaded")
                .start();
        WsPmuClient client = WsPmuClient.builder().build()) {
      WsCloseException e =
          assertThrows(
              WsCloseException.class,
              () ->
                  client.send(
                      peer.endpoint(), PmuCommand.parse("CMD_short:0"), new PmuListener() {}));
      assertEquals(1011, e.code());
      assertTrue(e.getMessage().contains("overloaded"), e.getMessage());
    }
  }

  @Test
  void aResetConnectionIsAnIoFailure() throws Exception {
    try (ScriptedWsPeer peer =
            ScriptedWsPeer.builder()
                .family(lab3.transport.Family.IPV6)
                .message("This is PMU data 1")
                .then(ScriptedWsPeer.Ending.RESET)
                .start();
        WsPmuClient client = WsPmuClient.builder().build()) {
      assertEquals("::1", peer.endpoint().host());
      assertThrows(
          IOException.class,
          () ->
              client.send(peer.endpoint(), PmuCommand.parse("CMD_short:0"), new PmuListener() {}));
    }
  }

  @Test
  void aDroppedConnectionIsAnIoFailure() throws Exception {
    try (ScriptedWsPeer peer =
            ScriptedWsPeer.builder()
                .message("This is PMU data 1")
                .then(ScriptedWsPeer.Ending.DROP)
                .start();
        WsPmuClient client = WsPmuClient.builder().build()) {
      List<String> got = new ArrayList<>();
      assertThrows(
          IOException.class,
          () ->
              client.send(
                  peer.endpoint(),
                  PmuCommand.parse("CMD_short:0"),
                  PmuListener.forMessages(got::add)));
      assertEquals(List.of("This is PMU data 1"), got);
    }
  }

  @Test
  void silenceIsTheClientsTimeOut() throws Exception {
    try (ScriptedWsPeer peer =
            ScriptedWsPeer.builder().then(ScriptedWsPeer.Ending.SILENCE).start();
        WsPmuClient client = WsPmuClient.builder().readTimeout(Duration.ofMillis(300)).build()) {
      assertThrows(
          SocketTimeoutException.class,
          () ->
              client.send(peer.endpoint(), PmuCommand.parse("CMD_short:0"), new PmuListener() {}));
    }
  }
}
