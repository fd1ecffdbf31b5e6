package lab3.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxTest {
  @TempDir Path tmp;

  private Sandbox.Builder builder() throws Exception {
    Path home = Files.createDirectory(tmp.resolve("Lab3_111111_222222"));
    return Sandbox.builder().home(home.toRealPath(), tmp.toRealPath());
  }

  @Test
  void whereBubblewrapIsMissingTheReasonSaysSoInOneLine() throws Exception {
    Sandbox sandbox = builder().bubblewrap("/nonexistent/bwrap").build();
    Optional<String> why = sandbox.unavailableReason();
    assertTrue(why.isPresent());
    assertTrue(why.get().contains("is not installed"), why.get());
    assertFalse(why.get().contains("\n"), why.get());
  }

  @Test
  void withoutASandboxNothingIsMissing() throws Exception {
    Sandbox sandbox = builder().mode(Sandbox.Mode.NONE).bubblewrap("/nonexistent/bwrap").build();
    assertEquals(Optional.empty(), sandbox.unavailableReason());
    assertEquals(
        List.of("python3", "x.py"), sandbox.contained(List.of("python3", "x.py"), List.of()));
  }

  @Test
  void theProgramSeesItsCopyWritableAndNeitherShadowNorTheBenchsEnvironment() throws Exception {
    Sandbox sandbox = builder().build();
    List<String> command = sandbox.contained(List.of("python3", "x.py"), List.of());
    String home = sandbox.home().toString();
    int bwrap = command.indexOf("bwrap");
    assertTrue(bwrap >= 0, command.toString());
    if (Sandbox.realRoot()) {
      // root drops to nobody before bubblewrap starts
      assertEquals("setpriv", command.getFirst());
      assertTrue(command.subList(0, bwrap).contains("--bounding-set=-all"), command.toString());
    }
    assertTrue(String.join(" ", command).contains("--bind " + home + " " + home));
    assertTrue(
        String.join(" ", command).contains("--ro-bind-try " + home + "/lib " + home + "/lib"));
    assertFalse(String.join(" ", command).contains("shadow"), command.toString());
    assertTrue(command.contains("--clearenv"));
    assertTrue(command.contains("--unshare-pid") && command.contains("--die-with-parent"));
    assertEquals(
        List.of("--", "python3", "x.py"), command.subList(command.size() - 3, command.size()));
  }

  @Test
  void linksAProgramLeftInItsCopyAreRemovedBeforeTheNextProgramAndTheirTargetsKept()
      throws Exception {
    Sandbox sandbox = builder().build();
    Path target = Files.writeString(tmp.resolve("host-file"), "host\n");
    Path link = Files.createSymbolicLink(sandbox.home().resolve("Part6_key.pem"), target);
    Path own = Files.writeString(sandbox.home().resolve("notes.txt"), "mine\n");
    sandbox.handOver();
    assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals("host\n", Files.readString(target));
    assertEquals("mine\n", Files.readString(own));
  }

  @Test
  void limitsReadSizesAndRefuseNonsense() throws Exception {
    Limits limits = Limits.DEFAULT.with("1G", "64", "5", "16M", "8K");
    assertEquals(1L << 30, limits.memory());
    assertEquals(64, limits.processes());
    assertEquals(8192, limits.output());
    assertEquals("1 GiB", Limits.describe(limits.memory()));
    assertEquals("512 MiB", Limits.describe(Limits.DEFAULT.memory()));
    assertThrows(
        IllegalArgumentException.class, () -> Limits.DEFAULT.with("lots", null, null, null, null));
    assertThrows(
        IllegalArgumentException.class, () -> Limits.DEFAULT.with("1M", null, null, null, null));
    assertEquals(Limits.DEFAULT, Limits.DEFAULT.with(null, null, null, null, null));
  }

  @Test
  void aHandInsMemoryIsALimitOfItsOwn() throws Exception {
    assertEquals("768 MiB", Limits.describe(Limits.DEFAULT.handInMemory()));
    Limits limits = Limits.DEFAULT.withHandInMemory("1G");
    assertEquals(1L << 30, limits.handInMemory());
    assertEquals(Limits.DEFAULT.memory(), limits.memory());
    assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withHandInMemory("much"));
    assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withHandInMemory("1M"));
    assertEquals(Limits.DEFAULT, Limits.DEFAULT.withHandInMemory(null));
  }
}
