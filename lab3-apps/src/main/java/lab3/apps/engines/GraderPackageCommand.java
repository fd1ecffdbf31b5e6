package lab3.apps.engines;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab3.apps.cli.Args;
import lab3.apps.cli.BenchOptions;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.grading.engines.Engine;
import lab3.grading.engines.EngineSettings;
import lab3.grading.engines.GraderPackage;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 grader-package gradescope|autolab|prairielearn --out DIR}: the package a grading
 * engine takes ({@link GraderPackage}), with the staff's settings ({@link EngineSettings}). Prints
 * each file made and its size.
 */
public final class GraderPackageCommand extends CliCommand {

  public GraderPackageCommand() {
    super(
        "grader-package",
        "gradescope|autolab|prairielearn",
        "package the grading bench for Gradescope, Autolab or PrairieLearn",
        1,
        1);
  }

  @Override
  protected void options(Options options) {
    EngineSettings defaults = EngineSettings.defaults();
    options.addOption(BenchOptions.out("required"));
    options.addOption(
        BenchOptions.timeout(
            BigDecimal.valueOf(defaults.timeoutSeconds()).stripTrailingZeros().toPlainString()
                + ": at most "
                + EngineSettings.MAX_TIMEOUT_SECONDS
                + " in an engine"));
    options.addOption(
        BenchOptions.checksAtOnce(
            defaults.checksAtOnce()
                + ": an engine gives about half a CPU; at most "
                + EngineSettings.MAX_CHECKS_AT_ONCE));
    options.addOption(
        BenchOptions.retries(
            defaults.retries()
                + ": an engine's half CPU makes bad luck of timing likelier; at most "
                + EngineSettings.MAX_RETRIES));
    options.addOption(
        BenchOptions.handInMemory(
            defaults.handInMemory() + ": with the bench's 256 MB heap, within 768 MB"));
    options.addOption(BenchOptions.parts());
    options.addOption(
        BenchOptions.policy(
            "FILE",
            "every job grades by it (try it first with ./lab3 grade --policy FILE on a hand-in);"
                + " default: the bench's own"));
    options.addOption(
        Option.builder()
            .longOpt("hidden-parts")
            .hasArg()
            .argName("LIST")
            .desc(
                "Gradescope: these parts' checks are shown after the due date only"
                    + " (visibility after_due_date); the others at once")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("submission-limit")
            .hasArg()
            .argName("N/HOURS")
            .desc(
                "Gradescope: grade at most N submissions per HOURS hours (from"
                    + " submission_metadata.json's previous_submissions); one beyond keeps the"
                    + " latest score and says when the next is graded (default: no limit)")
            .get());
  }

  @Override
  protected String footer() {
    return """
        Gradescope: DIR/lab3-gradescope.zip, the autograder to upload (setup.sh installs Temurin 25,
        Python 3 with websocket-client and iproute2; run_autograder grades /autograder/submission).
        Autolab: DIR/autograde-Makefile and DIR/autograde.tar to upload, DIR/Dockerfile for Tango's
        image, DIR/scoreboard.json for the scoreboard. PrairieLearn: DIR/Dockerfile and DIR/lab3/
        (the grader image), DIR/info.json and DIR/question.html for the question. Each DIR/README.md
        says how to upload it, what the course sets and what students see. Every package runs the
        bench with --sandbox container (the engine's container is the sandbox), probes what the
        container allows (a lab network, a network namespace, or only its loopback) and says in
        every result which checks that changes; a harness error is the engine's "re-run me", never
        a zero. The places a package uses move with LAB3_SOURCE, LAB3_SUBMISSION, LAB3_RESULTS and
        LAB3_METADATA, to run it in its layout on any machine.""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    Engine engine = Engine.of(positional.get(0));
    if (!line.hasOption("out")) {
      throw new IllegalArgumentException("grader-package needs --out DIR");
    }
    // The options are read as grade reads them (the same words for a value that is no number);
    // the builder then holds them to what an engine's container allows.
    EngineSettings defaults = EngineSettings.defaults();
    EngineSettings.Builder settings = EngineSettings.builder();
    if (line.hasOption(BenchOptions.TIMEOUT)) {
      settings.timeoutSeconds(BenchOptions.readTimeout(line));
    }
    if (line.hasOption(BenchOptions.CHECKS_AT_ONCE)) {
      settings.checksAtOnce(BenchOptions.readChecksAtOnce(line, defaults.checksAtOnce()));
    }
    if (line.hasOption(BenchOptions.RETRIES)) {
      settings.retries(BenchOptions.readRetries(line, defaults.retries()));
    }
    if (line.hasOption(BenchOptions.HAND_IN_MEMORY)) {
      settings.handInMemory(line.getOptionValue(BenchOptions.HAND_IN_MEMORY));
    }
    settings.parts(EngineSettings.list(line.getOptionValue("parts", "")));
    settings.hiddenParts(EngineSettings.list(line.getOptionValue("hidden-parts", "")));
    if (line.hasOption("submission-limit")) {
      String limit = line.getOptionValue("submission-limit");
      String[] nh = limit.split("/");
      if (nh.length != 2 || !nh[0].matches("[0-9]+") || !nh[1].matches("[0-9]+")) {
        throw new IllegalArgumentException(
            "--submission-limit is N/HOURS, e.g. 3/24, not '" + limit + "'");
      }
      settings.submissionLimit(Integer.parseInt(nh[0]), Integer.parseInt(nh[1]));
    }
    Path out = Path.of(line.getOptionValue("out"));
    Path policy =
        line.hasOption("policy")
            ? Args.readableFile("--policy", line.getOptionValue("policy"))
            : null;
    List<Path> made = GraderPackage.write(engine, settings.build(), policy, out);
    for (Path f : made) {
      io.out().printf("%s\t%d%n", f, Files.size(f));
    }
    io.err()
        .printf(
            "%s package in %s: %d files, %.1f MB%n",
            engine.word(), out, made.size(), GraderPackage.size(made) / 1e6);
    return 0;
  }
}
