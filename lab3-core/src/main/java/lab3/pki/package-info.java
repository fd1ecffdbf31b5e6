/**
 * Keys, certificate requests, certificates and PEM files for Part 6, on BouncyCastle (add {@code
 * org.bouncycastle:bcpkix-jdk18on}): {@link lab3.pki.KeyPairs}, {@link
 * lab3.pki.CertificateRequest}, {@link lab3.pki.CertificateAuthority}, {@link lab3.pki.Pem}.
 *
 * <pre>{@code
 * KeyPair caKeys = KeyPairs.ec(256), serverKeys = KeyPairs.ec(256);
 * CertificateAuthority ca = CertificateAuthority.create(
 *     DistinguishedNames.parse("/CN=Lab CA"), caKeys, Duration.ofDays(30));
 * X509Certificate cert = ca.issue(CertificateRequest.create(
 *     DistinguishedNames.parse("/CN=localhost"), serverKeys)).names(List.of("localhost")).sign();
 * }</pre>
 */
package lab3.pki;
