package lab3.pki.internal;

import com.google.common.net.InetAddresses;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A certificate's subject alternative names as openssl prints them, read with the JDK alone (the
 * TLS client explains a host-name mismatch with them, without BouncyCastle).
 */
public final class CertificateNames {
  private CertificateNames() {}

  /** A certificate's subject alternative names, as {@code DNS:localhost}, {@code IP:127.0.0.1}. */
  public static List<String> of(X509Certificate certificate) {
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return List.of("(unreadable: " + e.getMessage() + ")");
    }
    if (names == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (List<?> name : names) {
      int type = (Integer) name.get(0);
      Object value = name.get(1);
      out.add(
          switch (type) {
            case 2 -> "DNS:" + value;
            case 7 -> "IP:" + shortIp(String.valueOf(value));
            default -> "type " + type + ":" + value;
          });
    }
    return out;
  }

  private static String shortIp(String text) {
    // The JDK prints IPv6 in full (0:0:0:0:0:0:0:1); print it as users write it (::1).
    return InetAddresses.isInetAddress(text)
        ? InetAddresses.toAddrString(InetAddresses.forString(text))
        : text;
  }
}
