package lab3.pki.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.ECCurve;

/**
 * The EC arithmetic {@link lab3.pki.KeyPairs#publicKeyOf} needs (Q = d·G), on BouncyCastle. Kept
 * apart from {@code KeyPairs} so that the rest of that class loads without BouncyCastle.
 */
public final class EcPoints {
  private EcPoints() {}

  /** The public key of an EC private key on a prime-field curve. */
  public static PublicKey publicKeyOf(ECPrivateKey key) throws GeneralSecurityException {
    ECParameterSpec params = key.getParams();
    ECField field = params.getCurve().getField();
    if (!(field instanceof ECFieldFp prime)) {
      throw new IllegalArgumentException("unsupported EC curve (binary field)");
    }
    ECCurve curve =
        new ECCurve.Fp(
            prime.getP(),
            params.getCurve().getA(),
            params.getCurve().getB(),
            params.getOrder(),
            BigInteger.valueOf(params.getCofactor()));
    org.bouncycastle.math.ec.ECPoint q =
        curve
            .createPoint(params.getGenerator().getAffineX(), params.getGenerator().getAffineY())
            .multiply(key.getS())
            .normalize();
    ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
  }
}
