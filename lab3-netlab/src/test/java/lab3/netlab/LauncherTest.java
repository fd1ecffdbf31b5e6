package lab3.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {

  @Test
  void aCommandLineRunsTheEntryPointOnThisJvmsClassPath() {
    List<String> tail = Launcher.classPathAndMain();
    assertEquals(List.of("-cp", System.getProperty("java.class.path"), Launcher.mainClass()), tail);
    assertTrue(Files.isExecutable(Path.of(Launcher.java())), Launcher.java());
  }

  @Test
  void theEntryPointIsLab3sMainUnlessAPropertyNamesAnother() {
    String before = System.getProperty(Launcher.MAIN_PROPERTY);
    try {
      System.clearProperty(Launcher.MAIN_PROPERTY);
      assertEquals("lab3.apps.Main", Launcher.mainClass());
      System.setProperty(Launcher.MAIN_PROPERTY, "some.test.Main");
      assertEquals("some.test.Main", Launcher.mainClass());
      assertEquals("some.test.Main", Launcher.classPathAndMain().get(2));
    } finally {
      if (before == null) {
        System.clearProperty(Launcher.MAIN_PROPERTY);
      } else {
        System.setProperty(Launcher.MAIN_PROPERTY, before);
      }
    }
  }
}
