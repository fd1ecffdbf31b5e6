package lab3.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The grading policy: what each part requires and tolerates, as the staff wrote it down. The
 * default is {@code lab3/grading/policy.properties} in the jar (read it with {@code grade --policy
 * show}); a staff file given with {@code --policy FILE} changes only the keys it sets. Each value
 * is checked against the values its rule allows, so a typo fails at once instead of grading with
 * the default. The checks ask for a rule by its key and name that key in the feedback line it
 * decides ({@link #tag}).
 */
public final class Policy {
  private static final String DEFAULT = "/lab3/grading/policy.properties";

  /** Every rule and the values it allows (the first is only an example, not a default). */
  private static final Map<String, List<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("profile", List.of("course", "lab-text")),
          Map.entry("part2.ipv6-socket", List.of("required", "tolerate")),
          Map.entry("part2.scored-n", List.of()),
          Map.entry("part2.advice-n", List.of()),
          Map.entry("part2.prefix", List.of("tolerate", "reject")),
          Map.entry("part2.floodme-newlines", List.of("tolerate", "reject")),
          Map.entry("part3.output", List.of("offset-printed", "exact-line")),
          Map.entry("part3.server", List.of("as-written", "lab-text", "profile")),
          Map.entry("part4.sender-one-line-per-run", List.of("tolerate", "reject")),
          Map.entry("part4.sender-camipro", List.of("either", "first")),
          Map.entry("part4.receiver-subscribers", List.of("yes", "no")),
          Map.entry("part6.client", List.of("course", "strict")),
          Map.entry("part6.second-connection", List.of("advise", "skip")),
          Map.entry("advice.scored", List.of("no", "yes")));

  private final Map<String, String> rules;
  private final String text;

  private Policy(Map<String, String> rules, String text) {
    this.rules = Map.copyOf(rules);
    this.text = text;
  }

  /** The policy in the repository. */
  public static Policy defaults() {
    try (InputStream in = Policy.class.getResourceAsStream(DEFAULT)) {
      if (in == null) {
        throw new IllegalStateException("lab3/grading/policy.properties is missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The default policy with the rules {@code file} sets in place of the default's. */
  public static Policy read(Path file) throws IOException {
    return parse(Files.readString(file), defaults());
  }

  /**
   * Parses a policy's text (Java properties) over {@code base}.
   *
   * @throws IllegalArgumentException naming an unknown rule or a value its rule does not allow
   */
  static Policy parse(String text, Policy base) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable policy: " + e.getMessage());
    }
    Map<String, String> rules = new TreeMap<>(base == null ? Map.of() : base.rules);
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key).strip();
      List<String> allowed = ALLOWED.get(key);
      if (allowed == null) {
        throw new IllegalArgumentException(
            "the policy names no rule '" + key + "'; rules: " + new TreeMap<>(ALLOWED).keySet());
      }
      if (allowed.isEmpty()) {
        numbers(key, value); // validates
      } else if (!allowed.contains(value)) {
        throw new IllegalArgumentException(
            "policy rule " + key + " is one of " + allowed + ", not '" + value + "'");
      }
      rules.put(key, value);
    }
    if (base == null && !rules.keySet().equals(ALLOWED.keySet())) {
      throw new IllegalStateException("the default policy does not set every rule");
    }
    String shown = base == null ? text : base.text + "\n# Changed by the staff's file:\n" + text;
    return new Policy(rules, shown);
  }

  /** The value of a rule. */
  String get(String key) {
    String value = rules.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no policy rule " + key);
    }
    return value;
  }

  /** True if the rule's value is {@code value}. */
  boolean is(String key, String value) {
    return get(key).equals(value);
  }

  /** A rule's list of whole numbers, e.g. {@code part2.scored-n}. */
  List<Integer> numbers(String key) {
    return numbers(key, get(key));
  }

  private static List<Integer> numbers(String key, String value) {
    List<Integer> list = new ArrayList<>();
    if (value.isBlank()) {
      return list;
    }
    for (String part : value.split(",")) {
      try {
        int n = Integer.parseInt(part.strip());
        if (n < 1 || n > 10_000) {
          throw new NumberFormatException();
        }
        list.add(n);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "policy rule " + key + " is a list of counts 1 to 10000, not '" + value + "'");
      }
    }
    return List.copyOf(list);
  }

  /** How feedback names the rule that decided: {@code [part2.prefix]}. */
  static String tag(String key) {
    return "[" + key + "]";
  }

  /** The policy's text as the staff wrote it, for {@code grade --policy show}. */
  public String text() {
    return text;
  }
}
