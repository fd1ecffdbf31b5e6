/**
 * A consumer of lab3-core's lean features (PMU, reset, multicast) on the module path. Nothing but
 * {@code requires lab3.core} is needed: OkHttp, Jetty and BouncyCastle are nowhere on its paths.
 */
module lab3.examples.lean {
  requires lab3.core;

  exports lab3.examples.lean;
}
