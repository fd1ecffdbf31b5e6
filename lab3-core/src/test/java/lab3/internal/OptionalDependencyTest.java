package lab3.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lab3.pki.CertificateAuthority;
import lab3.pki.CertificateRequest;
import lab3.pki.DistinguishedNames;
import lab3.pki.KeyPairs;
import lab3.pki.Pem;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lab3-core with Guava alone: the features that need nothing else work, the others fail at once
 * with one line naming the artifact. The consumer runs in a class loader that holds lab3-core's
 * classes, this module's test classes and Guava's jars, and nothing else of the test class path.
 */
class OptionalDependencyTest {
  @TempDir static Path dir;
  static Map<String, String> steps;

  @BeforeAll
  static void runLeanConsumer() throws Exception {
    CertificateAuthority ca =
        CertificateAuthority.create(
            DistinguishedNames.parse("/CN=Lean CA"), KeyPairs.ec(256), Duration.ofDays(1));
    KeyPair keys = KeyPairs.rsa(2048);
    X509Certificate cert =
        ca.issue(CertificateRequest.create(DistinguishedNames.parse("/CN=localhost"), keys)).sign();
    Pem.write(dir.resolve("ca.pem"), ca.certificate());
    Pem.write(dir.resolve("cert.pem"), cert);
    Pem.write(dir.resolve("key8.pem"), keys.getPrivate());
    byte[] pkcs1 =
        PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded())
            .parsePrivateKey()
            .toASN1Primitive()
            .getEncoded();
    try (PemWriter w = new PemWriter(Files.newBufferedWriter(dir.resolve("key1.pem")))) {
      w.writeObject(new PemObject("RSA PRIVATE KEY", pkcs1));
    }

    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      boolean classes = new File(entry).isDirectory(); // target/classes, target/test-classes
      boolean guava = entry.contains("/com/google/") || entry.contains("/org/jspecify/");
      if (classes || guava) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    try (URLClassLoader lean =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> consumer = lean.loadClass(LeanConsumer.class.getName());
      @SuppressWarnings("unchecked")
      List<String> out = (List<String>) consumer.getMethod("run", Path.class).invoke(null, dir);
      steps = out.stream().collect(Collectors.toMap(s -> s.substring(0, s.indexOf(':')), s -> s));
    }
  }

  private static void works(String step) {
    assertTrue(steps.get(step).startsWith(step + ": ok"), steps.get(step));
  }

  private static void failsNaming(String step, String artifact) {
    String line = steps.get(step);
    assertTrue(
        line.startsWith(step + ": java.lang.IllegalStateException: ")
            || line.startsWith(step + ": lab3.pki.PemFormatException: "),
        line);
    assertTrue(line.contains(artifact), line);
    assertEquals(1, line.lines().count(), line);
  }

  @Test
  void pmuAndResetRunOnGuavaAlone() {
    assertEquals("pmu: ok messages=3", steps.get("pmu"));
    assertEquals("reset: ok offset=true", steps.get("reset"));
  }

  @Test
  void tlsServesJdkKeysWithoutBouncyCastle() {
    assertEquals("tls-jdk-keys: ok messages=2", steps.get("tls-jdk-keys"));
    works("keypairs-jdk");
    works("dn-rfc2253");
  }

  @Test
  void aPkcs1KeyWithoutBouncyCastleNamesTheArtifact() {
    failsNaming("tls-pkcs1-key", "org.bouncycastle:bcpkix-jdk18on:");
  }

  @Test
  void webSocketFeaturesWithoutTheirLibrariesNameTheArtifact() {
    failsNaming("ws-client", "com.squareup.okhttp3:okhttp-jvm:");
    failsNaming("ws-server", "org.eclipse.jetty.websocket:jetty-websocket-jetty-server:");
  }

  @Test
  void pkiWithoutBouncyCastleNamesTheArtifact() {
    assertAll(
        Arrays.asList("pem", "csr", "ca", "dn-slashes", "ec-public-key").stream()
            .map(step -> () -> failsNaming(step, "org.bouncycastle:bcpkix-jdk18on:")));
  }
}
