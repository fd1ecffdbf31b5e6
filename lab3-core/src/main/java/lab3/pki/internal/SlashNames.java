package lab3.pki.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * openssl's {@code /C=CH/O=EPFL/CN=localhost} form of {@link lab3.pki.DistinguishedNames#parse}, on
 * BouncyCastle's attribute table; apart, so that {@code DistinguishedNames} loads without it.
 */
public final class SlashNames {
  private SlashNames() {}

  /**
   * The name {@code trimmed} (starting with a slash) spells; {@code text} is what the user typed.
   */
  public static X500Principal parse(String text, String trimmed) {
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
    for (String part : splitSlashes(trimmed.substring(1))) {
      int eq = part.indexOf('=');
      checkArgument(
          eq > 0, "subject part '%s' of '%s' is not NAME=value (e.g. CN=localhost)", part, text);
      String name = part.substring(0, eq).strip();
      String value = part.substring(eq + 1).strip();
      ASN1ObjectIdentifier oid;
      try {
        oid = BCStyle.INSTANCE.attrNameToOID(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown attribute '" + name + "' in subject '" + text + "'", e);
      }
      checkArgument(!value.isEmpty(), "empty value for %s in subject '%s'", name, text);
      if (oid.equals(BCStyle.C)) {
        checkArgument(
            value.matches("[A-Za-z]{2}"), "C must be a two-letter country code, got '%s'", value);
      }
      builder.addRDN(oid, value);
    }
    try {
      return new X500Principal(builder.build().getEncoded());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode subject '" + text + "'", e);
    }
  }

  private static List<String> splitSlashes(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        current.append(text.charAt(++i));
      } else if (c == '/') {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    parts.removeIf(String::isBlank); // "/CN=a/" and "//" are harmless
    checkArgument(!parts.isEmpty(), "the subject must name at least one attribute, e.g. /CN=x");
    return parts;
  }
}
