/**
 * Lab3's library: the protocols of the socket-programming lab, their clients, emulators of the
 * lab's servers, and the transports they run over.
 *
 * <p>Only the packages below are API. Packages named {@code internal} are implementation details
 * that may change without notice; one of them, {@code lab3.ws.internal}, is exported for Jetty's
 * sake alone.
 *
 * <p>Dependencies by feature: {@code lab3.transport}, {@code lab3.pmu}, {@code lab3.reset}, {@code
 * lab3.multicast} and {@code lab3.tls} need Guava only. {@code lab3.ws} needs OkHttp (the client)
 * and Jetty (the server), {@code lab3.pki} BouncyCastle; they are {@code requires static}: a
 * modular consumer that uses them puts the jars on the module path and {@code requires} the modules
 * itself (or passes {@code --add-modules}). A feature used without its dependency fails at once
 * with one line naming the artifact to add.
 */
module lab3.core {
  requires com.google.common;
  // Not "transitive": "requires static transitive" made javac look for okhttp3 in every consumer
  // that requires lab3.core, so a consumer of the lean features could not compile without OkHttp.
  // A consumer of WsPmuClient requires okhttp3 itself (the builder's entry point says so).
  requires static okhttp3;
  requires static org.eclipse.jetty.server;
  requires static org.eclipse.jetty.http;
  requires static org.eclipse.jetty.io;
  requires static org.eclipse.jetty.util;
  requires static org.eclipse.jetty.websocket.api;
  requires static org.eclipse.jetty.websocket.server;
  // WsFrames queues short messages in Jetty's batch buffer through its core session.
  requires static org.eclipse.jetty.websocket.common;
  requires static org.eclipse.jetty.websocket.core.common;
  requires static org.bouncycastle.pkix;
  requires static org.bouncycastle.provider;

  exports lab3.transport;
  exports lab3.pmu;
  exports lab3.reset;
  exports lab3.multicast;
  exports lab3.ws;
  exports lab3.pki;
  exports lab3.tls;
  // Not API: exported only because Jetty finds the onWebSocket* methods of a session listener
  // (WsPmuSession) with MethodHandles.publicLookup(), which reaches public classes of
  // unconditionally exported packages only; without it every upgrade gets HTTP 500 on the module
  // path, and no "opens" helps a public lookup (a Proxy does not either: it overrides every
  // method, which Jetty refuses). The Javadoc leaves it out.
  exports lab3.ws.internal;
}
