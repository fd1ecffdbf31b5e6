package lab3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The optional dependencies of lab3-core, one per feature that needs a library beyond Guava, and
 * the check each feature's entry point makes first: a feature used without its dependency fails at
 * once with one line that names the artifact to add (and, for a modular consumer, the module to
 * require), instead of a {@link NoClassDefFoundError} deep inside the first call.
 *
 * <p>The classes that call {@link #require} must not themselves name a type of the dependency in a
 * way the JVM's verifier loads (a subclass passed where its superclass is expected): the check
 * could then never run. That is why the OkHttp, Jetty and BouncyCastle code sits in {@code
 * internal} classes behind the entry points.
 */
public enum OptionalDependency {
  /** OkHttp, for {@code lab3.ws.WsPmuClient}. */
  OKHTTP("okhttp3.OkHttpClient", "okhttp3", "com.squareup.okhttp3:okhttp-jvm", "okhttp"),
  /** Jetty 12's WebSocket server, for {@code lab3.ws.WsPmuServer}. */
  JETTY(
      "org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler",
      "org.eclipse.jetty.websocket.server",
      "org.eclipse.jetty.websocket:jetty-websocket-jetty-server",
      "jetty"),
  /** BouncyCastle, for {@code lab3.pki} and PEM keys other than PKCS#8 in {@code lab3.tls}. */
  BOUNCY_CASTLE(
      "org.bouncycastle.pkcs.PKCS10CertificationRequest",
      "org.bouncycastle.pkix",
      "org.bouncycastle:bcpkix-jdk18on",
      "bouncycastle");

  private final String probeClass;
  private final String module;
  private final String artifact;
  private final String versionKey;
  private volatile Boolean present;

  OptionalDependency(String probeClass, String module, String artifact, String versionKey) {
    this.probeClass = probeClass;
    this.module = module;
    this.artifact = artifact;
    this.versionKey = versionKey;
  }

  /** The Maven coordinates to add, with the version lab3-core was built with. */
  public String coordinates() {
    return artifact + ":" + Versions.PROPERTIES.getProperty(versionKey, "?");
  }

  /** The JPMS module name of the dependency. */
  public String module() {
    return module;
  }

  /** True if the dependency can be loaded from here (on the class path, or read by lab3.core). */
  public boolean isPresent() {
    Boolean known = present;
    if (known == null) {
      known = probe();
      present = known;
    }
    return known;
  }

  private boolean probe() {
    try {
      Class.forName(probeClass, false, OptionalDependency.class.getClassLoader());
      Module self = OptionalDependency.class.getModule();
      if (self.isNamed()) {
        // On the module path, "requires static" reads a module only if something resolved it.
        return self.getLayer() != null
            && self.getLayer().findModule(module).map(self::canRead).orElse(false);
      }
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Fails unless the dependency is there.
   *
   * @param feature what the caller was about to do, e.g. "lab3.ws.WsPmuClient"
   * @throws IllegalStateException with one line naming the artifact to add
   */
  public void require(String feature) {
    if (!isPresent()) {
      throw new IllegalStateException(missing(feature));
    }
  }

  /** The one-line message {@link #require} throws with. */
  public String missing(String feature) {
    String line = feature + " needs " + coordinates() + ": add it to your dependencies";
    if (OptionalDependency.class.getModule().isNamed()) {
      line +=
          " (on the module path, also 'requires " + module + ";' or --add-modules " + module + ")";
    }
    return line;
  }

  private static final class Versions {
    static final Properties PROPERTIES = load();

    private static Properties load() {
      Properties properties = new Properties();
      try (InputStream in =
          OptionalDependency.class.getResourceAsStream("optional-dependencies.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return properties;
    }
  }
}
