package lab3.pmu.internal;

import java.util.function.Function;
import lab3.pmu.FloodText;

/**
 * The emulators' access to a {@link FloodText}'s own array, without the copy {@link
 * FloodText#bytes()} makes for users: a 1 GiB text is sent by every session from one array. {@code
 * FloodText} installs the accessor when it is initialised, that is before any text exists.
 */
public final class SharedFloodBytes {
  private static volatile Function<FloodText, byte[]> access;

  private SharedFloodBytes() {}

  /** Called once, by {@code FloodText}'s static initialiser. */
  public static void install(Function<FloodText, byte[]> accessor) {
    if (access != null) {
      throw new IllegalStateException("installed already");
    }
    access = accessor;
  }

  /** The text's shared array: never modify it. */
  public static byte[] of(FloodText text) {
    return access.apply(text);
  }
}
