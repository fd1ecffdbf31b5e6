package lab3.netlab;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The lab network's addresses. Every lab network uses the same ones: each lives in namespaces of
 * its own, so two lab networks never see each other's addresses, and a student reads the same
 * numbers every time.
 *
 * <p>IPv4 comes from 198.18.0.0/15, the range RFC 2544 sets aside for benchmarking networks (no
 * real host has one); IPv6 from a unique-local /64 (RFC 4193: {@code fd} then a 40-bit random
 * global ID, here {@code 1a:b3d0:c3e0}, then subnet 1), which is never routed on the Internet.
 */
final class Addresses {
  static final String IPV4_PREFIX = "198.18.0.";
  static final int IPV4_LENGTH = 24;
  static final String IPV6_PREFIX = "fd1a:b3d0:c3e0:1::";
  static final int IPV6_LENGTH = 64;
  static final int PC = 1;
  static final int LABHOST = 2;

  private Addresses() {}

  static InetAddress ipv4(int host) {
    return literal(IPV4_PREFIX + host);
  }

  static InetAddress ipv6(int host) {
    return literal(IPV6_PREFIX + host);
  }

  /** The address as people write it: IPv6 with its longest run of zero groups as {@code ::}. */
  static String text(InetAddress address) {
    if (address instanceof java.net.Inet4Address) {
      return address.getHostAddress();
    }
    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group stays "0" (RFC 5952)
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(i, j);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  private static InetAddress literal(String text) {
    try {
      return InetAddress.getByName(text); // a literal: no name look-up
    } catch (UnknownHostException e) {
      throw new AssertionError(text, e);
    }
  }
}
