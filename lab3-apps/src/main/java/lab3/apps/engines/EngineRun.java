package lab3.apps.engines;

import lab3.apps.cli.Io;
import lab3.apps.grade.GradeCommand;
import lab3.grading.engines.Engine;
import lab3.grading.engines.EngineJob;

/**
 * The entry point of one engine job, as a package's {@code run_autograder} (Gradescope), {@code
 * Makefile} (Autolab) or {@code run} (PrairieLearn) starts it: {@code java -cp 'lib/*'
 * lab3.apps.engines.EngineRun <engine>}. It parses that one argument and hands the job to {@link
 * EngineJob} (lab3-grading) with the {@code grade} command to run; the job says what its exit
 * status means.
 */
public final class EngineRun {
  private EngineRun() {}

  public static void main(String[] args) {
    Io io = Io.system();
    int status;
    if (args.length != 1) {
      io.err().println("usage: java -cp 'lib/*' lab3.apps.engines.EngineRun <engine>");
      status = 2;
    } else {
      try {
        status =
            EngineJob.run(
                Engine.of(args[0]),
                System.getenv(),
                new EngineJob.Console(io.out(), io.err()),
                (grade, out, err) -> new GradeCommand().run(grade, new Io(io.in(), out, err)));
      } catch (IllegalArgumentException e) {
        io.err().println("lab3 engine: " + e.getMessage());
        status = 2;
      }
    }
    io.out().flush();
    io.err().flush();
    System.exit(status);
  }
}
