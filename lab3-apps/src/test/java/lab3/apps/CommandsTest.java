package lab3.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import lab3.apps.cli.Command;
import org.junit.jupiter.api.Test;

class CommandsTest {
  /**
   * The lookup by name makes the command of that name, and the overview lists every one, in the
   * order of the names: the two lists (names, and the switch that makes each) cannot drift apart.
   */
  @Test
  void eachNameMakesTheCommandOfThatName() {
    List<String> names = Commands.names();
    assertEquals(22, names.size(), "the list of commands: " + names);
    for (String name : names) {
      assertEquals(name, Commands.named(name).name());
    }
    List<String> listed = Commands.all().stream().map(Command::name).toList();
    assertEquals(names, listed);
    assertEquals(listed.size(), listed.stream().distinct().count(), "a name listed twice");
  }

  @Test
  void theEntryPointTheLibrariesRunAgainIsThisMain() {
    // lab3-netlab's Launcher names it as text (a library may not import it): a rename must follow.
    assertEquals(Main.class.getName(), lab3.netlab.Launcher.DEFAULT_MAIN);
  }

  @Test
  void anUnknownNameMakesNoCommand() {
    assertNull(Commands.named("no-such-command"));
    assertNull(Commands.named("--help")); // Main handles the overview before the lookup
  }
}
