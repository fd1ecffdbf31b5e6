/**
 * Test doubles for code that uses lab3-core, with no socket and no mock framework: a scripted peer
 * ({@link lab3.testing.ScriptedConnection}) fed the PMU's streams cut anyhow ({@link
 * lab3.testing.PmuStreams}), the reset PMU in memory ({@link lab3.testing.FakeDatagrams}), a
 * multicast group in memory ({@link lab3.testing.InMemoryGroup}), and a WebSocket server that plays
 * frames as scripted ({@link lab3.testing.ScriptedWsPeer}: fragmentation, close codes, drops).
 *
 * <pre>{@code
 * byte[] stream = PmuStreams.messages(10);
 * ScriptedConnection peer = ScriptedConnection.delivering(stream, 1); // one byte per read
 * PmuClient.builder().transport(peer.transport()).build().send(new Endpoint("pmu.test", 5003),
 *     PmuCommand.parse("CMD_short:0"), PmuListener.forMessages(got::add));
 * assertEquals(PmuStreams.expectedMessages(10), got);
 * }</pre>
 */
package lab3.testing;
