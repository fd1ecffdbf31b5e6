package lab3.pki;

import static com.google.common.base.Preconditions.checkArgument;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import lab3.internal.OptionalDependency;
import lab3.pki.internal.EcPoints;

/**
 * Key pairs for TLS servers and CAs: RSA (2048 bits unless told otherwise) or EC on the NIST
 * curves, and the small questions one asks about a key: how strong, and which public key belongs to
 * it.
 *
 * <p>Everything here runs on the JDK alone, except {@link #publicKeyOf} for an EC key, which needs
 * BouncyCastle ({@code org.bouncycastle:bcpkix-jdk18on}) for the curve arithmetic. The pitfall:
 * {@link #matches} proves a key pair by signing, so it costs a signature (a few milliseconds for
 * RSA 2048); do not call it in a loop.
 */
public final class KeyPairs {
  /** Below this many bits an RSA key is weak (the lab's {@code genrsa ... 1024} is). */
  public static final int RSA_RECOMMENDED_BITS = 2048;

  private KeyPairs() {}

  /**
   * A new RSA key pair.
   *
   * @param bits 1024 to 8192; below {@link #RSA_RECOMMENDED_BITS} the key is {@linkplain #isWeak
   *     weak} but accepted, as the lab's instructions make such keys
   * @return a new RSA key pair
   */
  public static KeyPair rsa(int bits) {
    checkArgument(bits >= 1024 && bits <= 8192, "RSA key size must be 1024 to 8192 bits: %s", bits);
    return generate("RSA", bits);
  }

  /**
   * A new EC key pair on secp256r1 (256), secp384r1 (384) or secp521r1 (521).
   *
   * @param bits the curve's size: 256, 384 or 521
   * @return a new EC key pair on secp256r1 (256), secp384r1 (384) or secp521r1 (521)
   */
  public static KeyPair ec(int bits) {
    String curve =
        switch (bits) {
          case 256 -> "secp256r1";
          case 384 -> "secp384r1";
          case 521 -> "secp521r1";
          default ->
              throw new IllegalArgumentException("EC key size must be 256, 384 or 521: " + bits);
        };
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve), new SecureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot make EC keys on " + curve, e);
    }
  }

  private static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(bits, new SecureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot make " + algorithm + " keys", e);
    }
  }

  /**
   * The key's size in bits: the RSA modulus, or the EC field size.
   *
   * @param key an RSA or EC key
   * @return the key's size in bits: the RSA modulus, or the EC field size
   */
  public static int bits(Key key) {
    return switch (key) {
      case RSAKey rsa -> rsa.getModulus().bitLength();
      case ECKey ec -> ec.getParams().getCurve().getField().getFieldSize();
      default -> 0;
    };
  }

  /**
   * True for RSA keys shorter than {@link #RSA_RECOMMENDED_BITS}.
   *
   * @param key an RSA or EC key
   * @return true for RSA keys shorter than {@link #RSA_RECOMMENDED_BITS}
   */
  public static boolean isWeak(Key key) {
    return key instanceof RSAKey && bits(key) < RSA_RECOMMENDED_BITS;
  }

  /**
   * In words, e.g. "RSA 2048 bits" or "EC 256 bits".
   *
   * @param key an RSA or EC key
   * @return the description
   */
  public static String describe(Key key) {
    return key.getAlgorithm() + " " + bits(key) + " bits";
  }

  /**
   * The public half of a private key, as a CSR needs it: read from an RSA key's CRT fields, or
   * computed for an EC key (Q = d·G).
   *
   * @throws IllegalArgumentException for other kinds of keys
   * @param key an RSA or EC private key
   * @return the public half of a private key, as a CSR needs it: read from an RSA key's CRT fields,
   *     or computed for an EC key (Q = d·G)
   */
  public static PublicKey publicKeyOf(PrivateKey key) {
    try {
      return switch (key) {
        case RSAPrivateCrtKey rsa ->
            KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        case ECPrivateKey ec -> {
          OptionalDependency.BOUNCY_CASTLE.require("KeyPairs.publicKeyOf(an EC key)");
          yield EcPoints.publicKeyOf(ec);
        }
        default ->
            throw new IllegalArgumentException(
                "unsupported key: " + key.getAlgorithm() + " (use RSA or EC)");
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot derive the public key: " + e.getMessage(), e);
    }
  }

  /**
   * True if {@code privateKey} belongs to {@code publicKey}: signs a random challenge with one and
   * verifies it with the other, the test a TLS handshake would otherwise fail on.
   *
   * @param privateKey an RSA or EC private key
   * @param publicKey the public key it should belong to
   * @return whether {@code privateKey} belongs to {@code publicKey}: signs a random challenge with
   *     one and verifies it with the other, the test a TLS handshake would otherwise fail on
   */
  public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
      return false;
    }
    try {
      String algorithm = signatureAlgorithm(privateKey);
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (InvalidKeyException | java.security.SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The signature algorithm this project signs with for a key: SHA-256 with RSA or ECDSA. */
  static String signatureAlgorithm(Key key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default ->
          throw new IllegalArgumentException(
              "unsupported key: " + key.getAlgorithm() + " (use RSA or EC)");
    };
  }
}
