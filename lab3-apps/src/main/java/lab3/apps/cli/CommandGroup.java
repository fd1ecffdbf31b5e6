package lab3.apps.cli;

import java.util.Arrays;
import java.util.List;

/**
 * A command made of sub-commands ({@code ./lab3 part1 echo-server}, {@code ./lab3 pki sign}): the
 * first argument picks one, which parses the rest. Each member is a {@link CliCommand} named {@code
 * "<group> <member>"}.
 */
public abstract class CommandGroup implements Command {
  private final String name;
  private final String summary;
  private final String noun;
  private final List<CliCommand> members;

  /**
   * @param noun what a member is called in messages, e.g. "example" or "sub-command"
   */
  protected CommandGroup(String name, String summary, String noun, List<CliCommand> members) {
    this.name = name;
    this.summary = summary;
    this.noun = noun;
    this.members = List.copyOf(members);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String summary() {
    return summary;
  }

  @Override
  public final int run(String[] args, Io io) throws Exception {
    String usage = "usage: lab3 " + name + " <" + noun + ">";
    if (args.length == 0) { // a usage error: stderr only, stdout stays data only
      throw new UsageException("missing the " + noun + " to run: " + memberList(), usage);
    }
    if (args[0].equals("--help") || args[0].equals("-h")) {
      StringBuilder text = new StringBuilder(usage).append(" [options]\n\n");
      text.append(summary).append("\n\n");
      for (CliCommand member : members) {
        text.append("  ").append(String.format("%-12s", shortName(member)));
        text.append(member.summary()).append('\n');
      }
      io.out().print(text);
      io.out().flush();
      return 0;
    }
    for (CliCommand member : members) {
      if (shortName(member).equals(args[0])) {
        return member.run(Arrays.copyOfRange(args, 1, args.length), io);
      }
    }
    throw new UsageException(
        "unknown " + noun + " '" + args[0] + "': expected " + memberList(), usage);
  }

  /** "a, b or c". */
  private String memberList() {
    List<String> names = members.stream().map(this::shortName).toList();
    return names.size() == 1
        ? names.getFirst()
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
  }

  private String shortName(CliCommand member) {
    return member.name().substring(name.length() + 1);
  }
}
