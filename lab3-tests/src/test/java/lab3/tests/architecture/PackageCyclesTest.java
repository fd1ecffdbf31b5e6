package lab3.tests.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Arrows only downward (ARCHITECTURE.md): no package of any module may reach, through the packages
 * it imports, back to itself. An area and its {@code internal} package count as one ({@code
 * lab3.pmu} with {@code lab3.pmu.internal}): an area may use its internals and be used by them. The
 * main classes of every module are checked (lab3-core, lab3-netlab, lab3-report, lab3-grading,
 * lab3-apps and lab3-testing), not the tests; a type deprecated for removal is left out ({@link
 * #goesAway}).
 */
class PackageCyclesTest {

  /** A class's area: its package, less a trailing {@code .internal} (and what is under it). */
  static final SliceAssignment AREAS =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          String name = javaClass.getPackageName();
          if (!name.equals("lab3") && !name.startsWith("lab3.") || goesAway(javaClass)) {
            return SliceIdentifier.ignore();
          }
          return SliceIdentifier.of(name.replaceFirst("\\.internal(\\..*)?$", ""));
        }

        @Override
        public String getDescription() {
          return "areas of lab3 (a package with its internal package)";
        }
      };

  /**
   * A type deprecated for removal is not part of the architecture: it stays only so that callers
   * elsewhere still compile until they move (CHANGES.md), and it may keep an arrow its replacement
   * dropped. Today that is {@code lab3.tls.TlsPmuServer}, which forwards to {@code
   * lab3.pmu.PmuServer} while {@code PmuServer} uses {@code lab3.tls.internal}.
   */
  static boolean goesAway(JavaClass javaClass) {
    JavaClass top = javaClass;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top.tryGetAnnotationOfType(Deprecated.class).map(Deprecated::forRemoval).orElse(false);
  }

  /**
   * The main classes of lab3's modules, wherever the build put them on the test class path (their
   * target/classes folders, or their jars when Maven's reactor gives those).
   */
  private static JavaClasses mainClasses() {
    ImportOption lab3Modules =
        location ->
            location.contains("/lab3-")
                && !location.contains("/lab3-tests/")
                && !location.contains("/lab3-bench/");
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(lab3Modules)
        .importPackages("lab3");
  }

  @Test
  void noPackageCycleInAnyModule() {
    JavaClasses classes = mainClasses();
    assertTrue(
        classes.stream().anyMatch(c -> c.getPackageName().startsWith("lab3.apps")),
        "the main classes of lab3-apps were found");
    slices().assignedFrom(AREAS).should().beFreeOfCycles().check(classes);
  }

  @Test
  void aCycleIsFoundWhereThereIsOne() {
    // The check itself can fail: two areas that use each other, made by hand, are reported.
    JavaClasses cyclic =
        new ClassFileImporter().importClasses(CycleA.Inner.class, CycleB.class, CycleA.class);
    AssertionError failed =
        org.junit.jupiter.api.Assertions.assertThrows(
            AssertionError.class,
            () ->
                slices()
                    .assignedFrom(
                        new SliceAssignment() {
                          @Override
                          public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                            return SliceIdentifier.of(
                                javaClass.getSimpleName().startsWith("CycleA") ? "a" : "b");
                          }

                          @Override
                          public String getDescription() {
                            return "two areas";
                          }
                        })
                    .should()
                    .beFreeOfCycles()
                    .check(cyclic));
    assertTrue(failed.getMessage().contains("Cycle"), failed.getMessage());
  }

  static final class CycleA {
    CycleB b;

    static final class Inner {}
  }

  static final class CycleB {
    CycleA a;
  }
}
