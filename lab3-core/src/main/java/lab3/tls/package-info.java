/**
 * TLS for Part 6: {@link lab3.tls.TlsTransport} (a client transport that trusts the CAs you name
 * and explains a failed handshake) and the TLS PMU, {@code PmuServer.builder().tls(cert, key)}.
 * Certificates and PKCS#8 keys are read by the JDK; PKCS#1 and SEC1 keys need BouncyCastle.
 *
 * <pre>{@code
 * try (PmuServer pmu = PmuServer.builder().tls(Path.of("cert.pem"), Path.of("key.pem"))
 *     .port(0).build().start()) {
 *   Transport tls = TlsTransport.builder().trust(Path.of("cacert.pem")).build();
 *   PmuClient.builder().transport(tls).build().send(new Endpoint("localhost", pmu.port()),
 *       PmuCommand.parse("CMD_short:0"), PmuListener.forMessages(messages::add)); // a List<String>
 * }
 * }</pre>
 */
package lab3.tls;
