package lab3.apps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lab3.apps.engines.GraderPackageCommand;
import lab3.apps.grade.GradeCommand;
import lab3.apps.gradeclass.GradeClassCommand;
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
}
