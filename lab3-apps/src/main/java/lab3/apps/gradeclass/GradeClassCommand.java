package lab3.apps.gradeclass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lab3.apps.cli.Args;
import lab3.apps.cli.BenchOptions;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.grade.GradeCommand;
import lab3.grading.NetworkSandbox;
import lab3.grading.batch.ClassGrader;
import lab3.grading.batch.Graded;
import lab3.grading.batch.HandInRunner;
import lab3.grading.batch.MoodleDownload;
import lab3.grading.batch.Outputs;
import lab3.grading.batch.SandboxRunner;
import lab3.grading.batch.Similarity;
import lab3.grading.batch.SimilarityEngine;
import lab3.grading.batch.Worksheet;
import lab3.grading.batch.WorksheetMatch;
import lab3.grading.engines.ContainerProbe;
import lab3.grading.engines.GradedHandIn;
import lab3.grading.engines.GradescopeResults;
import lab3.netlab.LabNetwork;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 grade-class <download>}: a whole Moodle "Download all submissions" graded in
 * parallel, one sandboxed bench per hand-in. A pipeline: intake ({@link MoodleDownload}), grade one
 * ({@link HandInRunner}), all of them in parallel ({@link ClassGrader}), render ({@link Outputs},
 * {@link Worksheet}, {@link Similarity}).
 */
public final class GradeClassCommand extends CliCommand {

  public GradeClassCommand() {
    super(
        "grade-class",
        "<moodle-download.zip|folder>",
        "grade a whole Moodle download in parallel: grades.csv, worksheet, feedback zip, Gradescope"
            + " results",
        1,
        1);
  }

  @Override
  protected void options(Options options) {
    options.addOption(
        opt("jobs", "N", "hand-ins graded at once (default: 3 per core, bounded by free memory)"));
    options.addOption(BenchOptions.out("default grade-class-out"));
    options.addOption(opt("worksheet", "FILE", "Moodle's grading worksheet CSV, filled in place"));
    options.addOption(
        opt(
            "grade-column",
            "NAME|N",
            "the worksheet's Grade column (default: found by structure)"));
    options.addOption(
        opt(
            "feedback-column",
            "NAME|N",
            "the worksheet's Feedback comments column (default: the last)"));
    options.addOption(BenchOptions.retries("1"));
    options.addOption(BenchOptions.timeout());
    options.addOption(
        opt("hand-in-limit", "seconds", "time limit of one whole hand-in (default 600)"));
    options.addOption(
        BenchOptions.checksAtOnce(
            ClassGrader.CHECKS_AT_ONCE
                + " per hand-in, fewer than grade's own: several hand-ins are graded at once"));
    options.addOption(BenchOptions.python());
    options.addOption(BenchOptions.ca());
    options.addOption(BenchOptions.parts());
    options.addOption(BenchOptions.network());
    BenchOptions.addContainment(options);
    options.addOption(
        Option.builder()
            .longOpt("resume")
            .desc("grade only what is new, changed or not graded")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("similarity")
            .desc("run JPlag over the sources: DIR/similarity.csv")
            .get());
  }

  private static Option opt(String name, String arg, String desc) {
    return Option.builder().longOpt(name).hasArg().argName(arg).desc(desc).get();
  }

  @Override
  protected String footer() {
    return """
        Writes DIR/grades.csv (one row per folder), DIR/feedback.zip (for Moodle's "upload multiple
        feedback files in a zip"), DIR/results/<folder>.json (Gradescope's results.json) and, with
        --worksheet, fills the worksheet's Grade and Feedback comments cells only.
        A hand-in whose bench failed (a harness error) or that outran --hand-in-limit is "not
        graded", never 0: --resume grades it again, and only it and changed hand-ins.
        Each hand-in's programs run contained, under the limits (see grade --help): they see
        their own copy of the hand-in, nothing of the download, of other hand-ins or of the
        results; where no sandbox can be made, grade-class refuses unless --unsafe-no-sandbox.
        stdout: the summary (distribution, checks most failed, not graded); stderr: progress.
        Exit status 0 if every hand-in was graded, 1 if some were not.""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    Path download = Path.of(positional.get(0));
    Path out = Path.of(line.getOptionValue("out", "grade-class-out"));
    int jobs = Args.intOption(line, "jobs", ClassGrader.defaultJobs());
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be 1 or more");
    }
    // Checked as grade checks them, in grade's order: the same words for the same mistake.
    double timeout = BenchOptions.readTimeout(line);
    int retries = BenchOptions.readRetries(line, 1);
    int atOnce = BenchOptions.readChecksAtOnce(line, ClassGrader.CHECKS_AT_ONCE);
    double handInLimit =
        line.hasOption("hand-in-limit")
            ? Args.decimal("--hand-in-limit", line.getOptionValue("hand-in-limit"))
            : 600;
    if (handInLimit <= 0) {
      throw new IllegalArgumentException("--hand-in-limit must be positive");
    }
    String network = line.getOptionValue("network", "auto");
    if (!List.of("auto", "netlab", "sandbox", "host").contains(network)) {
      throw new IllegalArgumentException(
          "--network is auto, netlab, sandbox or host, not '" + network + "'");
    }
    Path worksheet =
        line.hasOption("worksheet")
            ? Args.readableFile("--worksheet", line.getOptionValue("worksheet"))
            : null;
    List<String> extra = new ArrayList<>(List.of("--checks-at-once", String.valueOf(atOnce)));
    if (line.hasOption("python")) {
      extra.addAll(List.of("--python", line.getOptionValue("python")));
    }
    if (line.hasOption("parts")) {
      String parts = line.getOptionValue("parts");
      if (!parts.matches("[A-Za-z0-9_,]+")) {
        throw new IllegalArgumentException("--parts is a list of part names, e.g. Part2,Part5");
      }
      extra.addAll(List.of("--parts", parts));
    }
    for (String limit :
        List.of("sandbox", "memory", "hand-in-memory", "pids", "cpu-time", "file-size", "output")) {
      if (line.hasOption(limit)) {
        extra.addAll(List.of("--" + limit, line.getOptionValue(limit)));
      }
    }
    if (line.hasOption("unsafe-no-sandbox")) {
      extra.add("--unsafe-no-sandbox");
    }
    GradeCommand.checkContainment(
        line.getOptionValue("sandbox"), line.hasOption("unsafe-no-sandbox"));
    if (line.hasOption("ca")) {
      extra.addAll(
          List.of(
              "--ca",
              Args.readableFile("--ca", line.getOptionValue("ca")).toAbsolutePath().toString()));
    }

    List<String> unshare = List.of();
    String noLabNetwork = null;
    if (network.equals("auto") || network.equals("netlab")) {
      noLabNetwork = LabNetwork.unavailableReason().orElse(null);
      if (noLabNetwork == null) {
        unshare = NetworkSandbox.unshareForLabNetworks().orElse(List.of());
        if (unshare.isEmpty()) {
          noLabNetwork = "cannot make a sandbox for it (unshare --net --mount --pid)";
        }
      }
      if (!unshare.isEmpty()) {
        io.err()
            .println(
                "each hand-in on a lab network of its own: emulators on labhost, its programs on"
                    + " pc");
      } else if (network.equals("netlab")) {
        throw new IOException(
            "cannot grade on lab networks here: " + noLabNetwork + "; try --network sandbox");
      } else {
        io.err().println("no lab network (" + noLabNetwork + "): each hand-in in a sandbox");
      }
    }
    String where = unshare.isEmpty() ? "host" : "netlab";
    if (unshare.isEmpty() && !network.equals("host")) {
      Optional<List<String>> sandbox = NetworkSandbox.unshareWithOwnProcesses();
      if (sandbox.isPresent()) {
        unshare = sandbox.get();
        where = "sandbox";
      } else if (network.equals("sandbox")) {
        throw new IOException("cannot make a network namespace here: try --network host");
      } else {
        io.err()
            .println(
                "no network namespace here: grading one hand-in at a time on this machine's loopback (port 5003 is shared)");
        jobs = 1;
      }
    } else if (network.equals("host") && jobs > 1) {
      io.err().println("--network host: one hand-in at a time (they would share port 5003)");
      jobs = 1;
    }

    Files.createDirectories(out);
    Path work = out.resolve(".work");
    SandboxRunner.delete(work);
    try {
      MoodleDownload.Intake intake = MoodleDownload.read(download, work.resolve("intake"));
      io.err()
          .printf(
              "%d folders, %d distinct hand-ins, %d without a hand-in; grading %d at a time%n",
              intake.participants().size(),
              intake.handIns().size(),
              intake.noHandIn().size(),
              jobs);
      HandInRunner runner =
          new SandboxRunner(
              unshare,
              Duration.ofMillis((long) (timeout * 1000)),
              Duration.ofMillis((long) (handInLimit * 1000)),
              retries,
              extra,
              work.resolve("benches"));
      Map<MoodleDownload.HandIn, Graded> graded =
          new ClassGrader(
                  runner,
                  jobs,
                  out.resolve("state"),
                  line.hasOption("resume"),
                  io.err(),
                  ClassGrader.stderrIsTerminal())
              .gradeAll(intake.handIns());
      render(intake, graded, ContainerProbe.onGradingMachine(where), out, worksheet, line, io);
      if (line.hasOption("similarity")) {
        Optional<SimilarityEngine> engine = Similarity.engine();
        if (engine.isEmpty()) {
          io.err()
              .println(
                  "similarity: skipped, JPlag is not here (it comes in "
                      + Similarity.FOLDER
                      + "/ beside lab3.jar, made by ./mvnw package)");
        } else {
          Path csv =
              Similarity.run(
                  engine.get(), intake.handIns(), out, work.resolve("similarity"), io.err());
          io.err().println("similarity: " + csv);
        }
      }
      Outputs.summary(intake, graded, io.out());
      return graded.values().stream().allMatch(Graded::graded) ? 0 : 1;
    } finally {
      SandboxRunner.delete(work);
    }
  }

  private static void render(
      MoodleDownload.Intake intake,
      Map<MoodleDownload.HandIn, Graded> graded,
      ContainerProbe where,
      Path out,
      Path worksheet,
      CommandLine line,
      Io io)
      throws IOException {
    Files.writeString(out.resolve("grades.csv"), Outputs.gradesCsv(intake, graded));
    Path results = Files.createDirectories(out.resolve("results"));
    for (var e : graded.entrySet()) {
      for (MoodleDownload.Participant p : e.getKey().participants()) {
        Path file = results.resolve(p.folder() + ".json");
        if (e.getValue().graded()) {
          GradedHandIn g = GradedHandIn.fromReport(e.getValue().report(), where);
          Files.writeString(file, GradescopeResults.json(g, Set.of(), e.getValue().seconds()));
        } else {
          Files.deleteIfExists(file);
        }
      }
    }
    Outputs.feedbackZip(out.resolve("feedback.zip"), graded);
    if (worksheet != null) {
      String csv = Files.readString(worksheet, StandardCharsets.UTF_8);
      WorksheetMatch match = WorksheetMatch.of(graded, Worksheet.cells(csv));
      int[] matched = {0};
      String filled =
          Worksheet.fill(
              csv,
              line.getOptionValue("grade-column"),
              line.getOptionValue("feedback-column"),
              (id, cells) -> {
                Map.Entry<Double, String> g = match.grade(id, cells);
                if (g != null) {
                  matched[0]++;
                }
                return g;
              });
      Files.writeString(worksheet, filled, StandardCharsets.UTF_8);
      io.err().println("worksheet: " + matched[0] + " rows graded in " + worksheet);
    }
  }
}
