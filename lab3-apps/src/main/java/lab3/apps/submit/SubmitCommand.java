package lab3.apps.submit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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
import lab3.apps.cli.Args;
import lab3.apps.cli.CliCommand;
import lab3.apps.cli.Io;
import lab3.apps.cli.UsageException;
import lab3.pki.Pem;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ./lab3 submit --camipro A B}: the hand-in the lab asks for, {@code Lab3_A_B/} and {@code
 * Lab3_A_B.zip}. One Java source per graded program, named as the lab names it ({@code
 * Part2_A_B.java} ... {@code Part6_PMU_A_B.java}), each a short worked solution over lab3-core;
 * {@code lib/} with lab3-core (its sources in {@code lib/sources/}) and the libraries those six
 * need at run time, no more; the Part 6 key (PKCS#8) and certificate when given; and a {@code
 * README.txt} with the command that runs each file from the folder: {@code java -cp 'lib/*'
 * Part2_A_B.java <server> <port> <command>} (JDK 21+, the source launcher). No file depends on an
 * executable bit, so the hand-in survives any unzip.
 *
 * <p>The sources are the mains of {@code lab3-apps/src/handin/java} ({@code
 * Part2_CAMIPRO1_CAMIPRO2.java} ...), compiled with the project so that they never fall behind the
 * library, and carried in lab3.jar as text; {@code lib/} is {@code target/handin-lib/} beside
 * lab3.jar, made by the build.
 */
public final class SubmitCommand extends CliCommand {
  private static final Pattern CAMIPRO = Pattern.compile("[0-9]{6}");

  /** The stems of the graded programs, in the lab's order: Part2_A_B.java and so on. */
  public static final List<String> PARTS =
      List.of("Part2", "Part3", "Part4_Receiver", "Part4_Sender", "Part5", "Part6_PMU");

  /** The command line of each part's file for README.txt, and an example of it. */
  private static final Map<String, List<String>> ARGUMENTS =
      Map.of(
          "Part2",
          List.of("<server> <port> <command>", "::1 5003 CMD_short:0"),
          "Part3",
          List.of("<server> <port>", "::1 5004"),
          "Part4_Receiver",
          List.of("<group> <port>", "224.1.1.1 5005"),
          "Part4_Sender",
          List.of("<group> <port> <camipro>", "224.1.1.1 5005 CAMIPRO1 < text.txt"),
          "Part5",
          List.of("<server> <port> <command>", "::1 5006 CMD_floodme"),
          "Part6_PMU",
          List.of("[<cert.pem> <key.pem>]", "(no arguments: CAMIPRO1_cert.pem CAMIPRO1_key.pem)"));

  /** The folder beside lab3.jar the build fills with what the mains need at run time. */
  static final String LIBRARY_FOLDER = "handin-lib";

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
            .desc("Part 6 private key (PEM; written into the hand-in as PKCS#8, A_key.pem)")
            .get());
    options.addOption(
        Option.builder()
            .longOpt("cert")
            .hasArg()
            .argName("FILE")
            .desc("Part 6 certificate (PEM; written into the hand-in as A_cert.pem)")
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
        The folder holds Part2_A_B.java ... Part6_PMU_A_B.java (readable Java sources over lab3-core),
        lib/ (lab3-core, its sources, and what the programs need at run time), README.txt, and with
        --key and --cert the Part 6 key (A_key.pem, PKCS#8) and certificate (A_cert.pem). From the
        folder, each runs with a JDK 21+ as graders run it:
          java -cp 'lib/*' Part2_A_B.java ::1 5003 CMD_short:0""";
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
    Path folder = write(out, camipro[0], camipro[1], library(), key, cert);
    if (key == null) {
      io.err()
          .println(
              "note: no --key and --cert: the hand-in has no Part 6 key and certificate (the lab"
                  + " asks for "
                  + camipro[0]
                  + "_key.pem and "
                  + camipro[0]
                  + "_cert.pem, signed by the course's CA)");
    }
    Path zip = zip(folder);
    io.out().println(folder);
    io.out().println(zip);
    io.out().flush();
    return 0;
  }

  /**
   * Writes the folder {@code out/Lab3_A_B} and returns its path.
   *
   * @param library the jars for {@code lib/} (the build's {@code handin-lib})
   * @param key the Part 6 private key in any PEM form lab3 reads, or null
   * @param cert the Part 6 certificate (chain), or null
   */
  public static Path write(Path out, String a, String b, Path library, Path key, Path cert)
      throws IOException {
    Path folder = out.resolve("Lab3_" + a + "_" + b);
    Files.createDirectories(folder);
    for (String old : List.of("lab3.jar", "lab3-run")) { // what earlier versions wrote
      Files.deleteIfExists(folder.resolve(old));
    }
    for (String part : PARTS) {
      Files.deleteIfExists(folder.resolve(part + "_" + a + "_" + b));
      Files.writeString(folder.resolve(part + "_" + a + "_" + b + ".java"), source(part, a, b));
    }
    Path lib = folder.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> old = Files.walk(lib)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    // The sources jar goes to lib/sources/, off the class path lib/*: a compiler that finds a
    // class both as source and as class file may compile the source (javac's -Xprefer:newer).
    Path sources = Files.createDirectories(lib.resolve("sources"));
    try (Stream<Path> jars = Files.list(library)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        String name = jar.getFileName().toString();
        Files.copy(jar, (name.endsWith("-sources.jar") ? sources : lib).resolve(name));
      }
    }
    if (key != null) {
      writeKey(key, folder.resolve(a + "_key.pem"));
      Files.copy(cert, folder.resolve(a + "_cert.pem"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(folder.resolve("README.txt"), readme(a, b, key != null));
    return folder;
  }

  /** A main of src/handin/java with the group's numbers in place of CAMIPRO1 and CAMIPRO2. */
  static String source(String part, String a, String b) throws IOException {
    String name = "/lab3/apps/submit/handin/" + part + "_CAMIPRO1_CAMIPRO2.java";
    try (InputStream in = SubmitCommand.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("resource " + name + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("CAMIPRO1", a)
          .replace("CAMIPRO2", b);
    }
  }

  /**
   * The key as PKCS#8 ({@code BEGIN PRIVATE KEY}), which the JDK reads with no other library,
   * readable by its owner only. A PKCS#8 file is copied as it is; a PKCS#1 ({@code openssl genrsa
   * -traditional}, the lab's older OpenSSL) or SEC1 key is converted.
   */
  private static void writeKey(Path key, Path copy) throws IOException {
    String text = Files.readString(key, StandardCharsets.US_ASCII);
    if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
      text = Pem.encode(Pem.readPrivateKey(key));
    }
    Files.deleteIfExists(copy);
    Files.createFile(
        copy, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(copy, text, StandardCharsets.US_ASCII);
  }

  private static String readme(String a, String b, boolean withKey) {
    StringBuilder text = new StringBuilder();
    text.append("Lab 3, group ")
        .append(a)
        .append(" and ")
        .append(b)
        .append(
            """
            .

            One Java program per graded part, as the lab names them. Each runs from this folder
            with a JDK 21 or later (the source launcher: no build step), lib/ on the class path:

            """);
    for (String part : PARTS) {
      text.append("  java -cp 'lib/*' ")
          .append(part)
          .append('_')
          .append(a)
          .append('_')
          .append(b)
          .append(".java ")
          .append(ARGUMENTS.get(part).get(0))
          .append("\n      e.g. ")
          .append(ARGUMENTS.get(part).get(1).replace("CAMIPRO1", a))
          .append('\n');
    }
    text.append(
        """

        Parts 2 and 5 also take the command alone, Part 3 nothing, and then ask the lab's server,
        tcpip.epfl.ch, on the lab's port. Part 4's programs default to 224.1.1.1 5005 on the
        loopback interface, so that nothing leaves the machine by accident: name the lab's
        interface (wlan0) after the port, and for the sender after the CAMIPRO number. Errors
        are one line on stderr and exit status 1 (2 for a wrong command line).

        lib/ holds lab3-core (the library the programs call; its sources are in
        lib/sources/lab3-core-*-sources.jar) and what it needs at run time: Guava, and OkHttp
        with Okio and the Kotlin library for the WebSocket of Part 5.
        """);
    if (withKey) {
      text.append("\nPart 6 serves with ")
          .append(a)
          .append("_cert.pem and ")
          .append(a)
          .append("_key.pem (PKCS#8) from this folder on localhost:5003.\n");
    }
    return text.toString();
  }

  /**
   * Zips the folder. The JDK's zip file system, with POSIX attributes on, records each file's
   * permissions as Info-ZIP's {@code zip} does, so {@code unzip} keeps the key private; nothing in
   * the hand-in needs an executable bit.
   */
  private static Path zip(Path folder) throws IOException {
    Path zip = folder.resolveSibling(folder.getFileName() + ".zip");
    Files.deleteIfExists(zip);
    Map<String, String> env = Map.of("create", "true", "enablePosixFileAttributes", "true");
    try (FileSystem archive = FileSystems.newFileSystem(zip, env);
        Stream<Path> files = Files.walk(folder)) {
      Path inside = archive.getPath(folder.getFileName().toString());
      for (Path file : files.sorted().toList()) {
        Path entry = inside.resolve(folder.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(entry);
        } else {
          Files.copy(file, entry);
        }
        Files.setPosixFilePermissions(entry, Files.getPosixFilePermissions(file));
      }
    }
    return zip;
  }

  /** The build's {@code handin-lib/} beside the lab3.jar this program runs from. */
  static Path library() throws IOException {
    Path lib = runningJar().resolveSibling(LIBRARY_FOLDER);
    if (!Files.isDirectory(lib)) {
      throw new IOException(
          "cannot find " + lib + " (the hand-in's lib/): build it with ./mvnw -DskipTests package");
    }
    return lib;
  }

  /** The jar this program runs from (./lab3 runs lab3.jar). */
  static Path runningJar() throws IOException {
    try {
      Path path =
          Path.of(SubmitCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(path) && path.getFileName().toString().equals("lab3.jar")) {
        return path;
      }
      if (Files.isRegularFile(path)) { // lab3-light.jar or the module's thin jar: lab3.jar beside
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
