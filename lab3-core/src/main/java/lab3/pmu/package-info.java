/**
 * The PMU protocol of Parts 2 and 6: {@link lab3.pmu.PmuCommand} (what a client sends), {@link
 * lab3.pmu.PmuMessageDecoder} (the messages in a stream cut anyhow), {@link lab3.pmu.PmuClient}
 * (the PDC) and {@link lab3.pmu.PmuServer} (an emulator of the lab's PMU, plain or TLS).
 *
 * <pre>{@code
 * try (PmuServer pmu = PmuServer.builder().port(0).messages(5).build().start()) {
 *   List<String> got = new ArrayList<>();
 *   PmuClient.builder().build().send(new Endpoint("::1", pmu.port()),
 *       PmuCommand.parse("CMD_short:0"), PmuListener.forMessages(got::add));
 * }
 * }</pre>
 */
package lab3.pmu;
