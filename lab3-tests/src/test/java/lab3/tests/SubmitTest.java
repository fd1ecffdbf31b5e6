package lab3.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import lab3.pmu.PmuServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit}: the hand-in the lab asks for, sources a grader can read and run with the JDK
 * alone, and nothing of the toolkit's own (bench, report, netlab).
 */
class SubmitTest {
  private static final String A = "123456";
  private static final String B = "654321";
  private static final List<String> PARTS =
      List.of("Part2", "Part3", "Part4_Receiver", "Part4_Sender", "Part5", "Part6_PMU");

  @TempDir Path tmp;

  private Path submit(String... more) {
    List<String> args = new ArrayList<>(List.of("submit", "--camipro", A, B, "--out"));
    args.add(tmp.resolve("out").toString());
    args.addAll(List.of(more));
    CommandRun submit = CommandRun.of(args.toArray(String[]::new));
    assertEquals(0, submit.status(), submit.stderr());
    return tmp.resolve("out").resolve("Lab3_" + A + "_" + B);
  }

  @Test
  void handInIsSixShortSourcesNamedAsTheLabAsksWithTheGroupsNumbers() throws IOException {
    Path folder = submit();
    for (String part : PARTS) {
      Path source = folder.resolve(part + "_" + A + "_" + B + ".java");
      String text = Files.readString(source);
      assertTrue(text.contains("public class " + part + "_" + A + "_" + B + " {"), part);
      assertFalse(text.contains("CAMIPRO1") || text.contains("CAMIPRO2"), part);
      long lines = text.lines().count();
      assertTrue(lines < 150, part + " has " + lines + " lines");
      assertFalse(Files.exists(folder.resolve(part + "_" + A + "_" + B)), "an old wrapper left");
    }
    assertFalse(Files.exists(folder.resolve("lab3.jar")));
    String readme = Files.readString(folder.resolve("README.txt"));
    assertTrue(
        readme.contains("java -cp 'lib/*' Part2_" + A + "_" + B + ".java <server> <port>"), readme);
  }

  @Test
  void libHoldsTheLibraryAndItsSourcesButNoBenchReportOrNetlabAndTheFolderIsUnderTenMegabytes()
      throws IOException {
    Path folder = submit();
    long bytes;
    try (Stream<Path> files = Files.walk(folder)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(SubmitTest::size).sum();
    }
    assertTrue(bytes < 10_000_000, "the hand-in has " + bytes + " bytes");
    List<String> jars;
    try (Stream<Path> files = Files.list(folder.resolve("lib"))) {
      jars =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.equals("sources"))
              .sorted()
              .toList();
    }
    try (Stream<Path> sources = Files.list(folder.resolve("lib/sources"))) {
      assertTrue(
          sources.anyMatch(j -> j.getFileName().toString().matches("lab3-core-.*-sources\\.jar")),
          "lab3-core's sources jar in lib/sources/");
    }
    assertTrue(
        jars.stream().anyMatch(j -> j.matches("lab3-core-[0-9.]+(-SNAPSHOT)?\\.jar")), "" + jars);
    assertTrue(jars.stream().noneMatch(j -> j.endsWith("-sources.jar")), "sources on lib/*");
    for (String jar : jars) {
      try (JarFile file = new JarFile(folder.resolve("lib").resolve(jar).toFile())) {
        List<String> forbidden =
            file.stream()
                .map(e -> e.getName())
                .filter(
                    n ->
                        n.startsWith("lab3/apps/")
                            || n.startsWith("org/bouncycastle/")
                            || n.startsWith("org/eclipse/jetty/"))
                .limit(3)
                .toList();
        assertEquals(List.of(), forbidden, jar);
      }
    }
  }

  @Test
  void part2RunsFromTheFolderWithTheJdkAloneAsTheReadmeSays() throws Exception {
    Path folder = submit();
    try (PmuServer pmu =
        PmuServer.builder().bindAddress(InetAddress.getByName("::1")).port(0).build().start()) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Tools.Result run =
          Tools.run(
              folder,
              null,
              java,
              "-cp",
              "lib/*",
              "Part2_" + A + "_" + B + ".java",
              "::1",
              "" + pmu.port(),
              "CMD_short:0");
      run.ok();
      assertEquals(
          IntStream.rangeClosed(1, 20).mapToObj(i -> "This is PMU data " + i).toList(),
          run.out().lines().toList(),
          run.err());
    }
  }

  /**
   * In a network namespace of its own whose /etc/hosts names {@code tcpip.epfl.ch} ::1, with
   * serve-pmu on the lab's port 5003 there: nothing outside is ever asked.
   */
  private static final String MAPPED =
      """
      set -e
      ip link set lo up
      mount --bind "$1" /etc/hosts
      coproc PMU { exec "$2" -cp "$3" lab3.apps.Main serve-pmu --port 5003; }
      read -r listening <&"${PMU[0]}"
      set +e
      "$2" -cp 'lib/*' "$4" CMD_short:0
      status=$?
      kill "$PMU_PID"
      exit $status
      """;

  @Test
  void part2GivenTheCommandAloneAsksTcpipEpflChOnPort5003() throws Exception {
    Assumptions.assumeTrue(
        Tools.available("unshare", "--net", "--mount", "--map-root-user", "true")
            && Tools.available("ip", "-V"),
        "no network namespace of our own here (needs unshare with user namespaces, and ip)");
    Path jar = Path.of("..", "lab3-apps", "target", "lab3.jar").toAbsolutePath();
    Assumptions.assumeTrue(Files.isRegularFile(jar), "needs lab3-apps/target/lab3.jar");
    Path folder = submit();
    Path hosts =
        Files.writeString(tmp.resolve("hosts"), "::1 tcpip.epfl.ch\n127.0.0.1 localhost\n");
    Tools.Result run =
        Tools.run(
            folder,
            null,
            "unshare",
            "--net",
            "--mount",
            "--map-root-user",
            "bash",
            "-c",
            MAPPED,
            "mapped",
            hosts.toString(),
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            jar.toString(),
            "Part2_" + A + "_" + B + ".java");
    run.ok();
    assertEquals(
        IntStream.rangeClosed(1, 20).mapToObj(i -> "This is PMU data " + i).toList(),
        run.out().lines().toList(),
        run.err());
    assertTrue(run.err().contains("[::1]:"), "serve-pmu logged no client from ::1: " + run.err());
  }

  @Test
  void everyMainCompilesWithLibAloneAndGivenTheWrongArgumentsSaysHowToCallIt() throws Exception {
    // The build compiles the mains against all of lab3-apps: here each one runs as a grader runs
    // it, with lib/ only, so that a main reaching for a class lib/ lacks fails.
    Path folder = submit();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String part : PARTS) {
      String name = part + "_" + A + "_" + B;
      Tools.Result run =
          Tools.run(folder, null, java, "-cp", "lib/*", name + ".java", "a", "b", "c", "d", "e");
      assertEquals(2, run.status(), name + ": " + run.err());
      assertEquals("", run.out(), name);
      assertTrue(run.err().startsWith("usage: " + name), name + ": " + run.err());
    }
  }

  @Test
  void unzippedHandInKeepsItsKeyPrivateAndTheKeyIsPkcs8() throws Exception {
    Assumptions.assumeTrue(Tools.available("unzip", "-v"), "unzip is not installed");
    Path key = tmp.resolve("key.pem");
    assertEquals(0, CommandRun.of("pki", "key", "--out", key.toString()).status());
    Path cert = Files.writeString(tmp.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");
    submit("--key", key.toString(), "--cert", cert.toString());

    Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
    Tools.run(
            unpacked,
            null,
            "unzip",
            "-q",
            tmp.resolve("out/Lab3_" + A + "_" + B + ".zip").toString())
        .ok();
    Path folder = unpacked.resolve("Lab3_" + A + "_" + B);
    Path keyCopy = folder.resolve(A + "_key.pem");
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyCopy)));
    assertTrue(Files.isRegularFile(folder.resolve(A + "_cert.pem")));
    assertTrue(Files.isRegularFile(folder.resolve("lib/lab3-core-1.0.0-SNAPSHOT.jar")));
    String pem = Files.readString(keyCopy);
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)); // the JDK reads it
  }

  @Test
  void traditionalRsaKeyIsWrittenAsPkcs8() throws Exception {
    Assumptions.assumeTrue(Tools.available("openssl", "version"), "openssl is not installed");
    Path key = tmp.resolve("old_key.pem");
    Tools.run(tmp, null, "openssl", "genrsa", "-traditional", "-out", key.toString(), "2048").ok();
    assertTrue(Files.readString(key).contains("BEGIN RSA PRIVATE KEY"));
    Path cert = Files.writeString(tmp.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");
    Path folder = submit("--key", key.toString(), "--cert", cert.toString());
    assertTrue(
        Files.readString(folder.resolve(A + "_key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
