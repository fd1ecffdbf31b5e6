/**
 * Lab3's library: the protocols of the socket-programming lab, their clients, emulators of the
 * lab's servers, and the transports they run over.
 *
 * <p>Only the packages below are API. Packages named {@code internal} are implementation details
 * that may change without notice.
 */
module lab3.core {
  requires com.google.common;
  requires okhttp3; // okhttp-jvm's module (it requires kotlin.stdlib and okio transitively)
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.io;
  requires org.eclipse.jetty.util;
  requires org.eclipse.jetty.websocket.api;
  requires org.eclipse.jetty.websocket.server;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;

  exports lab3.transport;
  exports lab3.pmu;
  exports lab3.reset;
  exports lab3.multicast;
  exports lab3.ws;
  exports lab3.pki;
  exports lab3.tls;
}
