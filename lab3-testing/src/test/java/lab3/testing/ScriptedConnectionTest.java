package lab3.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab3.pmu.PmuClient;
import lab3.pmu.PmuCommand;
import lab3.pmu.PmuListener;
import lab3.pmu.PmuResult;
import lab3.pmu.TruncatedMessageException;
import lab3.transport.Endpoint;
import org.junit.jupiter.api.Test;

class ScriptedConnectionTest {
  private static final Endpoint PMU = new Endpoint("pmu.test", 5003);

  private static PmuResult send(ScriptedConnection peer, List<String> got) throws Exception {
    return PmuClient.builder()
        .transport(peer.transport())
        .build()
        .send(PMU, PmuCommand.parse("CMD_short:0"), PmuListener.forMessages(got::add));
  }

  @Test
  void oneBytePerReadDeliversEveryMessageAndRecordsTheCommand() throws Exception {
    ScriptedConnection peer = ScriptedConnection.delivering(PmuStreams.messages(12), 1);
    List<String> got = new ArrayList<>();
    PmuResult r = send(peer, got);
    assertEquals(PmuStreams.expectedMessages(12), got);
    assertEquals(r.bytes(), r.reads());
    assertEquals(r.reads(), peer.reads());
    assertEquals("CMD_short:0", peer.writtenText());
    assertEquals(List.of(PMU), peer.opened());
    assertTrue(peer.isClosed());
  }

  @Test
  void randomChunksFromASeedGiveTheSameMessages() throws Exception {
    Random random = new Random(3);
    ScriptedConnection peer =
        ScriptedConnection.builder()
            .reads(PmuStreams.messages(40), () -> 1 + random.nextInt(30))
            .build();
    List<String> got = new ArrayList<>();
    send(peer, got);
    assertEquals(PmuStreams.expectedMessages(40), got);
  }

  @Test
  void aTimeOutAfterTheScriptIsTheClientsTimeOut() throws Exception {
    ScriptedConnection peer =
        ScriptedConnection.builder()
            .read("This is PMU data 1")
            .then(ScriptedConnection.Ending.TIME_OUT)
            .build();
    List<String> got = new ArrayList<>();
    assertThrows(SocketTimeoutException.class, () -> send(peer, got));
    assertEquals(List.of("This is PMU data 1"), got);
  }

  @Test
  void aResetAfterTheScriptIsAnIoFailure() {
    ScriptedConnection peer =
        ScriptedConnection.builder().then(ScriptedConnection.Ending.RESET).build();
    SocketException e = assertThrows(SocketException.class, () -> send(peer, new ArrayList<>()));
    assertTrue(e.getMessage().contains("reset"), e.getMessage());
  }

  @Test
  void aCloseMidMessageIsATruncatedMessage() {
    byte[] stream = PmuStreams.messages(2);
    int insideTheSecond = PmuStreams.indexOf(stream, "This is PMU data 2") + 7;
    ScriptedConnection peer =
        ScriptedConnection.builder()
            .read(PmuStreams.cut(stream, insideTheSecond).getFirst()) // the rest never comes
            .build();
    List<String> got = new ArrayList<>();
    assertThrows(TruncatedMessageException.class, () -> send(peer, got));
    assertEquals(List.of("This is PMU data 1"), got);
  }

  @Test
  void theClientsReadTimeOutIsRecorded() throws Exception {
    ScriptedConnection peer = ScriptedConnection.delivering(PmuStreams.messages(1), 100);
    send(peer, new ArrayList<>());
    assertEquals(1, peer.readTimeouts().size());
  }
}
