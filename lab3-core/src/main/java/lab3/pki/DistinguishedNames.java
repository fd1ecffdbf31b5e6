package lab3.pki;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Parses the subject names users type, in either of the two usual spellings.
 *
 * <ul>
 *   <li>openssl's {@code -subj} form: {@code /C=CH/O=EPFL/CN=localhost}, most significant part
 *       first; {@code \/} is a slash inside a value;
 *   <li>RFC 2253, as Java prints names: {@code CN=localhost,O=EPFL,C=CH}.
 * </ul>
 *
 * Attribute names are the usual short ones (CN, O, OU, C, ST, L, emailAddress, DC, UID,
 * serialNumber), in any case.
 */
public final class DistinguishedNames {
  private DistinguishedNames() {}

  /**
   * The name {@code text} spells.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static X500Principal parse(String text) {
    checkArgument(text != null && !text.isBlank(), "the subject must not be empty");
    String trimmed = text.strip();
    if (!trimmed.startsWith("/")) {
      try {
        return new X500Principal(trimmed);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "not a subject name: '" + text + "' (expected e.g. /CN=localhost/O=Lab3)", e);
      }
    }
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

  /** The name as Java prints it (RFC 2253), e.g. {@code CN=localhost,O=EPFL,C=CH}. */
  public static String format(X500Principal name) {
    return name.getName(X500Principal.RFC2253);
  }
}
