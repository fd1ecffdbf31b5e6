package lab3.pki.internal;

import com.google.common.net.InetAddresses;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** Subject alternative names: parsed from what users type, and printed as openssl prints them. */
public final class Names {
  private Names() {}

  /**
   * {@code localhost}, {@code 127.0.0.1}, {@code ::1}: IP literals become IP names, everything else
   * a DNS name (letters, digits, hyphens, dots, a leading {@code *.} wildcard).
   */
  public static GeneralNames parse(List<String> names) {
    List<GeneralName> parsed = new ArrayList<>();
    for (String raw : names) {
      String name = raw.strip();
      if (name.startsWith("[") && name.endsWith("]")) {
        name = name.substring(1, name.length() - 1);
      }
      if (InetAddresses.isInetAddress(name)) {
        parsed.add(new GeneralName(GeneralName.iPAddress, name));
      } else if (name.matches(
          "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
        parsed.add(new GeneralName(GeneralName.dNSName, name));
      } else {
        throw new IllegalArgumentException(
            "not a host name or IP address: '" + raw + "' (e.g. localhost,127.0.0.1,::1)");
      }
    }
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException("give at least one name");
    }
    return new GeneralNames(parsed.toArray(GeneralName[]::new));
  }

  /** As {@code DNS:localhost}, {@code IP:127.0.0.1}; other kinds by their type number. */
  public static List<String> describe(GeneralNames names) {
    List<String> out = new ArrayList<>();
    for (GeneralName name : names.getNames()) {
      out.add(
          switch (name.getTagNo()) {
            case GeneralName.dNSName -> "DNS:" + ((ASN1String) name.getName()).getString();
            case GeneralName.iPAddress ->
                "IP:" + ip(ASN1OctetString.getInstance(name.getName()).getOctets());
            default -> "type " + name.getTagNo() + ":" + name.getName();
          });
    }
    return out;
  }

  private static String ip(byte[] octets) {
    try {
      return InetAddresses.toAddrString(java.net.InetAddress.getByAddress(octets));
    } catch (java.net.UnknownHostException e) {
      return "?";
    }
  }
}
