package lab3.pmu.internal;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;
import lab3.pmu.FloodText;
import org.junit.jupiter.api.Test;

class PmuServerSettingsTest {

  /** A value of {@code type} unlike {@code current}, for every type the settings hold. */
  private static Object another(Class<?> type, Object current) throws Exception {
    if (type == int.class) {
      return (Integer) current + 17;
    }
    if (type == long.class) {
      return (Long) current + 17;
    }
    if (type == boolean.class) {
      return !(Boolean) current;
    }
    if (type == String.class) {
      return current + "-other";
    }
    if (type == InetAddress.class) {
      return InetAddress.getByName("192.0.2.7");
    }
    if (type == Duration.class) {
      return Duration.ofSeconds(4242);
    }
    if (type == Random.class) {
      return new Random(7);
    }
    if (type == Consumer.class) {
      return (Consumer<String>) line -> {};
    }
    if (type == FloodText.class) {
      return FloodText.generated(10);
    }
    if (type.isEnum()) {
      for (Object constant : type.getEnumConstants()) {
        if (constant != current) {
          return constant;
        }
      }
    }
    return fail("teach this test a value of " + type + " (a new setting of PmuServerSettings)");
  }

  @Test
  void copyCopiesEveryFieldSoABuiltServerKeepsEverySetting() throws Exception {
    PmuServerSettings original = new PmuServerSettings(5003, "pmu");
    for (Field field : PmuServerSettings.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      field.setAccessible(true);
      field.set(original, another(field.getType(), field.get(original)));
    }
    PmuServerSettings copy = original.copy();
    for (Field field : PmuServerSettings.class.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        field.setAccessible(true);
        Object expected = field.get(original);
        Object got = field.get(copy);
        if (field.getType().isPrimitive()) {
          org.junit.jupiter.api.Assertions.assertEquals(expected, got, field.getName());
        } else {
          assertSame(expected, got, field.getName());
        }
      }
    }
  }
}
