package lab3.apps.submit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lab3.apps.Main;
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.UsageException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 submit --camipro A B}: the hand-in folder {@code Lab3_A_B/}, one runnable file per
 * part named as the lab requires, the jar they run, and {@code Lab3_A_B.zip}.
 */
public final class SubmitCommand extends CliCommand {
  private static final Pattern CAMIPRO = Pattern.compile("[0-9]{6}");

  /** A file of the submission: its name pattern and the lab3 command it runs. */
  record PartFile(String stem, String command, String arguments) {
    String fileName(String a, String b) {
      return stem + "_" + a + "_" + b;
    }
  }

  /** Every runnable file the lab asks for, in the lab's order. */
  public static final List<PartFile> PARTS =
      List.of(
          new PartFile("Part2", "part2", "<server> <port> <command>"),
          new PartFile("Part3", "part3", "<server> <port>"),
          new PartFile("Part4_Receiver", "part4-receiver", "<group> <port>"),
          new PartFile("Part4_Sender", "part4-sender", "<group> <port> <camipro>"),
          new PartFile("Part5", "part5", "<server> <port> <command>"),
          new PartFile("Part6_PMU", "part6-pmu", "[<cert.pem> <key.pem>]"));

  public SubmitCommand() {
    super("submit", "", "make the hand-in folder Lab3_A_B/ and Lab3_A_B.zip", 0, 0);
  }

  @Override
  protected void options(Options options) {
    options.addOption(
        Option.builder()
            .longOpt("camipro")
            .numberOfArgs(2)
            .argName("A B")
            .desc("the two group members' 6-digit CAMIPRO numbers (required)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("key")
            .hasArg()
            .argName("FILE")
            .desc("Part 6 private key (PEM)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("cert")
            .hasArg()
            .argName("FILE")
            .desc("Part 6 certificate (PEM)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("out")
            .hasArg()
            .argName("DIR")
            .desc("where to write (default .)")
            .get());
  }

  @Override
  protected String footer() {
    return """
        Each file runs its part with the graders' command line, e.g. Lab3_A_B/Part2_A_B ::1 5003 CMD_short:0,
        and needs only a JDK 21+ (the folder holds lab3.jar). Part6_PMU_A_B without arguments serves
        with A_cert.pem and A_key.pem from the folder (--cert and --key put them there).""";
  }

  @Override
  protected int execute(CommandLine line, List<String> positional, Io io) throws Exception {
    String[] camipro = line.getOptionValues("camipro");
    if (camipro == null || camipro.length != 2) {
      throw new UsageException("--camipro takes the two 6-digit CAMIPRO numbers of the group");
    }
    for (String c : camipro) {
      if (!CAMIPRO.matcher(c).matches()) {
        throw new UsageException("a CAMIPRO number has exactly 6 digits, got '" + c + "'");
      }
    }
    if (line.hasOption("key") != line.hasOption("cert")) {
      throw new UsageException("give --key and --cert together");
    }
    Path key =
        line.hasOption("key") ? Args.readableFile("--key", line.getOptionValue("key")) : null;
    Path cert =
        line.hasOption("cert") ? Args.readableFile("--cert", line.getOptionValue("cert")) : null;
    Path out = Path.of(line.getOptionValue("out", "."));
    Path folder = write(out, camipro[0], camipro[1], runningJar(), key, cert);
    Path zip = zip(folder);
    io.out().println(folder);
    io.out().println(zip);
    io.out().flush();
    return 0;
  }

  /** Writes the folder and returns its path. */
  public static Path write(Path out, String a, String b, Path jar, Path key, Path cert)
      throws IOException {
    Path folder = out.resolve("Lab3_" + a + "_" + b);
    Files.createDirectories(folder);
    Files.copy(jar, folder.resolve("lab3.jar"), StandardCopyOption.REPLACE_EXISTING);
    executable(folder.resolve("lab3-run"), resource("lab3-run"));
    for (PartFile part : PARTS) {
      String script = script(part, a, b);
      executable(folder.resolve(part.fileName(a, b)), script);
    }
    if (key != null) {
      Path keyCopy = folder.resolve(a + "_key.pem");
      Files.deleteIfExists(keyCopy);
      Files.createFile(
          keyCopy,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(keyCopy, Files.readAllBytes(key));
      Files.copy(cert, folder.resolve(a + "_cert.pem"), StandardCopyOption.REPLACE_EXISTING);
    }
    return folder;
  }

  private static String script(PartFile part, String a, String b) {
    String run = "exec \"$(dirname \"$0\")/lab3-run\" " + part.command() + " \"$@\"\n";
    if (part.stem().equals("Part6_PMU")) {
      run =
          "here=$(dirname \"$0\")\n"
              + "if [ $# -eq 0 ]; then set -- \"$here/"
              + a
              + "_cert.pem\" \"$here/"
              + a
              + "_key.pem\"; fi\n"
              + run;
    }
    return "#!/bin/sh\n# Lab3 "
        + part.stem().replace('_', ' ')
        + " of group "
        + a
        + "_"
        + b
        + ". Usage: "
        + part.fileName(a, b)
        + " "
        + part.arguments()
        + "\n"
        + run;
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /**
   * Zips the folder. The JDK's zip file system, with POSIX attributes on, records each file's
   * permissions as Info-ZIP's {@code zip} does, so {@code unzip} gives the scripts back their
   * execute bits ({@code ZipOutputStream} cannot record them).
   */
  private static Path zip(Path folder) throws IOException {
    Path zip = folder.resolveSibling(folder.getFileName() + ".zip");
    Files.deleteIfExists(zip);
    Map<String, String> env = Map.of("create", "true", "enablePosixFileAttributes", "true");
    try (FileSystem archive = FileSystems.newFileSystem(zip, env);
        Stream<Path> files = Files.list(folder)) {
      Path inside = Files.createDirectory(archive.getPath(folder.getFileName().toString()));
      Files.setPosixFilePermissions(inside, Files.getPosixFilePermissions(folder));
      for (Path file : files.sorted().toList()) {
        Path entry = inside.resolve(file.getFileName().toString());
        Files.copy(file, entry);
        Files.setPosixFilePermissions(entry, Files.getPosixFilePermissions(file));
      }
    }
    return zip;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SubmitCommand.class.getResourceAsStream("/lab3/apps/submit/" + name)) {
      if (in == null) {
        throw new IOException("resource " + name + " missing from the jar");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** The jar this program runs from (./lab3 and the submission both run lab3.jar). */
  static Path runningJar() throws IOException {
    try {
      Path path = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(path) && path.getFileName().toString().equals("lab3.jar")) {
        return path;
      }
      if (Files.isRegularFile(path)) { // the module's thin jar: the runnable one lies beside it
        path = path.resolveSibling("lab3.jar");
        if (Files.isRegularFile(path)) {
          return path;
        }
      }
      // Run from classes (tests, IDE): fall back to the built jar of this checkout.
      for (Path dir = path; dir != null; dir = dir.getParent()) {
        Path jar = dir.resolve("lab3-apps/target/lab3.jar");
        if (Files.isRegularFile(jar)) {
          return jar;
        }
      }
      throw new IOException("cannot find lab3.jar: build it with ./mvnw -DskipTests package");
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
