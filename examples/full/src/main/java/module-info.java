/** A consumer of lab3-core on the module path: every area, with the libraries each one needs. */
module lab3.examples {
  requires lab3.core;
  // lab3-core's optional dependencies are "requires static": a modular consumer that uses
  // lab3.ws or lab3.pki requires them itself, which puts them in the module graph.
  requires okhttp3;
  requires org.eclipse.jetty.websocket.server;
  requires org.bouncycastle.pkix;

  exports lab3.examples;
}
