package lab3.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import lab3.apps.Main;
import lab3.apps.cli.Io;

/** Runs a {@code ./lab3} command in-process with captured stdin, stdout and stderr. */
public record CommandRun(int status, byte[] stdout, String stderr) {

  public static CommandRun of(String... args) {
    return withInput(new byte[0], args);
  }

  public static CommandRun withInput(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io =
        new Io(
            new ByteArrayInputStream(stdin),
            new PrintStream(out, false, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    int status = Main.run(args, io);
    io.out().flush();
    return new CommandRun(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  public String out() {
    return new String(stdout, StandardCharsets.UTF_8);
  }
}
