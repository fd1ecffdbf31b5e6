package lab3.apps.grade;

import java.time.Duration;

/**
 * The outcome of one check of one part.
 *
 * @param reason why it failed (null when passed), with the first lines of difference
 */
record CheckResult(String part, String name, boolean passed, String reason, Duration elapsed) {

  static CheckResult pass(String part, String name, Duration elapsed) {
    return new CheckResult(part, name, true, null, elapsed);
  }

  static CheckResult fail(String part, String name, String reason, Duration elapsed) {
    return new CheckResult(part, name, false, reason, elapsed);
  }
}
