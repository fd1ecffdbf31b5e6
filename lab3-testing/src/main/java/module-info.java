/**
 * Test doubles for projects that use lab3-core: {@link lab3.testing.ScriptedConnection}, {@link
 * lab3.testing.PmuStreams}, {@link lab3.testing.FakeDatagrams}, {@link lab3.testing.InMemoryGroup}
 * and {@link lab3.testing.ScriptedWsPeer}. Use it in test scope only.
 */
module lab3.testing {
  requires transitive lab3.core;
  requires com.google.common;

  exports lab3.testing;
}
