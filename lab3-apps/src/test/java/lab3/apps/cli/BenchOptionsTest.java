package lab3.apps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lab3.apps.engines.GraderPackageCommand;
import lab3.apps.grade.GradeCommand;
import lab3.apps.gradeclass.GradeClassCommand;
import lab3.grading.Limits;
import lab3.grading.engines.EngineSettings;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;

/**
 * The grading commands ({@code grade}, {@code grade-class}, {@code grader-package}) speak one
 * vocabulary: an option two of them take is one of {@link BenchOptions}' and reads the same in both
 * {@code --help} texts, up to the command's own default.
 */
class BenchOptionsTest {

  private static final List<CliCommand> GRADING =
      List.of(new GradeCommand(), new GradeClassCommand(), new GraderPackageCommand());

  private static Options declared(CliCommand command) {
    Options options = new Options();
    command.options(options);
    return options;
  }

  /** The text before the command's own part: its default in parentheses, or what it adds. */
  private static String sharedText(Option option) {
    String text = option.getDescription();
    int own = text.length();
    for (String mark : List.of(" (", ";")) {
      int at = text.indexOf(mark);
      if (at >= 0) {
        own = Math.min(own, at);
      }
    }
    return text.substring(0, own);
  }

  @Test
  void anOptionTwoGradingCommandsTakeReadsTheSameInBoth() {
    int shared = 0;
    for (int i = 0; i < GRADING.size(); i++) {
      for (int j = i + 1; j < GRADING.size(); j++) {
        Options a = declared(GRADING.get(i));
        Options b = declared(GRADING.get(j));
        for (Option option : a.getOptions()) {
          Option other = b.getOption(option.getLongOpt());
          if (other == null) {
            continue;
          }
          shared++;
          String where =
              "--"
                  + option.getLongOpt()
                  + " of "
                  + GRADING.get(i).name()
                  + " and "
                  + GRADING.get(j).name();
          assertEquals(option.hasArg(), other.hasArg(), where);
          assertEquals(option.getArgs(), other.getArgs(), where);
          assertEquals(sharedText(option), sharedText(other), where);
        }
      }
    }
    assertTrue(shared > 0, "the grading commands share no option: the test would check nothing");
  }

  @Test
  void everyOptionTwoGradingCommandsTakeIsABenchOption() throws IllegalAccessException {
    Set<String> vocabulary = new java.util.HashSet<>();
    for (Field field : BenchOptions.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        vocabulary.add((String) field.get(null));
      }
    }
    List<String> names = new ArrayList<>();
    for (CliCommand command : GRADING) {
      declared(command).getOptions().forEach(o -> names.add(o.getLongOpt()));
    }
    Set<String> shared =
        names.stream()
            .collect(Collectors.groupingBy(n -> n, Collectors.counting()))
            .entrySet()
            .stream()
            .filter(e -> e.getValue() > 1)
            .map(java.util.Map.Entry::getKey)
            .collect(Collectors.toSet());
    Set<String> missing =
        shared.stream().filter(n -> !vocabulary.contains(n)).collect(Collectors.toSet());
    assertEquals(Set.of(), missing, "shared options BenchOptions does not declare");
    assertTrue(Stream.of("timeout", "memory", "out").allMatch(shared::contains), shared.toString());
  }

  /** What a help text gives as the default, e.g. {@code 512M} of "... (default 512M)". */
  private static String helpDefault(Option option) {
    Matcher m = Pattern.compile("\\(default ([^):]+)[):]").matcher(option.getDescription());
    assertTrue(
        m.find(), "--" + option.getLongOpt() + " names no default: " + option.getDescription());
    return m.group(1);
  }

  @Test
  void theLimitsDefaultsInTheHelpAreTheLimitsTheBenchApplies() {
    for (CliCommand command : List.of(new GradeCommand(), new GradeClassCommand())) {
      Options options = declared(command);
      String where = command.name() + " --help";
      // Read back as the bench reads the options: a default the help states is the bench's own.
      Limits stated =
          Limits.DEFAULT.with(
              helpDefault(options.getOption(BenchOptions.MEMORY)),
              helpDefault(options.getOption(BenchOptions.PIDS)),
              helpDefault(options.getOption(BenchOptions.CPU_TIME)),
              helpDefault(options.getOption(BenchOptions.FILE_SIZE)),
              helpDefault(options.getOption(BenchOptions.OUTPUT)));
      assertEquals(Limits.DEFAULT.memory(), stated.memory(), where + ": --memory");
      assertEquals(Limits.DEFAULT.processes(), stated.processes(), where + ": --pids");
      assertEquals(Limits.DEFAULT.cpuTime(), stated.cpuTime(), where + ": --cpu-time");
      assertEquals(Limits.DEFAULT.fileSize(), stated.fileSize(), where + ": --file-size");
      assertEquals(Limits.DEFAULT.output(), stated.output(), where + ": --output");
      assertEquals(
          Limits.DEFAULT.handInMemory(),
          Limits.DEFAULT
              .withHandInMemory(helpDefault(options.getOption(BenchOptions.HAND_IN_MEMORY)))
              .handInMemory(),
          where + ": --hand-in-memory");
    }
  }

  @Test
  void graderPackagesHelpStatesTheDefaultsAPackageGets() {
    Options options = declared(new GraderPackageCommand());
    EngineSettings defaults = EngineSettings.defaults();
    assertEquals(
        defaults.timeoutSeconds(),
        Double.parseDouble(helpDefault(options.getOption(BenchOptions.TIMEOUT))));
    assertEquals(
        defaults.checksAtOnce(),
        Integer.parseInt(helpDefault(options.getOption(BenchOptions.CHECKS_AT_ONCE))));
    assertEquals(
        defaults.retries(), Integer.parseInt(helpDefault(options.getOption(BenchOptions.RETRIES))));
    assertEquals(
        defaults.handInMemory(), helpDefault(options.getOption(BenchOptions.HAND_IN_MEMORY)));
    // and the bounds EngineSettings enforces
    assertTrue(
        options
            .getOption(BenchOptions.TIMEOUT)
            .getDescription()
            .contains("at most " + EngineSettings.MAX_TIMEOUT_SECONDS + " "));
    assertTrue(
        options
            .getOption(BenchOptions.CHECKS_AT_ONCE)
            .getDescription()
            .contains("at most " + EngineSettings.MAX_CHECKS_AT_ONCE + ")"));
    assertTrue(
        options
            .getOption(BenchOptions.RETRIES)
            .getDescription()
            .contains("at most " + EngineSettings.MAX_RETRIES + ")"));
  }

  @Test
  void theLimitsDefaultsReadAsTheOptionsAreWritten() {
    Options options = new Options();
    BenchOptions.addContainment(options);
    // In the units a user types (512M, not 536870912), as the help has always read.
    assertEquals("512M", helpDefault(options.getOption(BenchOptions.MEMORY)));
    assertEquals("768M", helpDefault(options.getOption(BenchOptions.HAND_IN_MEMORY)));
    assertEquals("256", helpDefault(options.getOption(BenchOptions.PIDS)));
    assertEquals("60", helpDefault(options.getOption(BenchOptions.CPU_TIME)));
    assertEquals("64M", helpDefault(options.getOption(BenchOptions.FILE_SIZE)));
    assertEquals("64M", helpDefault(options.getOption(BenchOptions.OUTPUT)));
  }
}
