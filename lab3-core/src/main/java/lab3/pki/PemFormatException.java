package lab3.pki;

import java.io.IOException;

/**
 * A file or text is not the PEM a reader expected: no {@code -----BEGIN ...-----} block, a
 * truncated or corrupt one, the wrong kind of object (a certificate where a key was expected), or
 * an encrypted key. The message names what was found and, where it helps, how to fix it.
 *
 * <p>This is the only exception the {@link Pem} readers throw for bad content, whatever the bytes;
 * a missing or unreadable file is an ordinary {@link IOException}.
 */
public final class PemFormatException extends IOException {

  /**
   * A PEM problem, described.
   *
   * @param message what is wrong with the input, in one line
   */
  public PemFormatException(String message) {
    super(message);
  }

  /**
   * A PEM problem, described, with the parser's exception as cause.
   *
   * @param message what is wrong with the input, in one line
   * @param cause the underlying failure
   */
  public PemFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
