package lab3.pki;

import static com.google.common.base.Preconditions.checkArgument;

import javax.security.auth.x500.X500Principal;
import lab3.internal.OptionalDependency;
import lab3.pki.internal.SlashNames;

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
 * serialNumber), in any case. The RFC 2253 form is read by the JDK; the openssl form needs
 * BouncyCastle ({@code org.bouncycastle:bcpkix-jdk18on}).
 */
public final class DistinguishedNames {
  private DistinguishedNames() {}

  /**
   * The name {@code text} spells.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   * @param text a name as OpenSSL ({@code /O=EPFL/CN=x}) or RFC 2253 ({@code CN=x,O=EPFL}) writes
   *     it
   * @return the name {
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
    OptionalDependency.BOUNCY_CASTLE.require("the /NAME=value form of DistinguishedNames.parse");
    return SlashNames.parse(text, trimmed);
  }

  /**
   * The name as Java prints it (RFC 2253), e.g. {@code CN=localhost,O=EPFL,C=CH}.
   *
   * @param name the name to write
   * @return the name as Java prints it (RFC 2253), e.g
   */
  public static String format(X500Principal name) {
    return name.getName(X500Principal.RFC2253);
  }
}
