package org.fairfee.jobs.importspend;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed references for names: {@code SUP-} or {@code BUY-} and the first 16 hex digits (upper case)
 * of HMAC-SHA256(key, normalised name). The same name under the same key always gives the same
 * reference, so imports made at different times line up; without the key a reference cannot be
 * turned back into a name by trying likely names.
 */
public final class Pseudonyms {
  public static final String SUPPLIER_PREFIX = "SUP-";
  public static final String BUYER_PREFIX = "BUY-";
  /** Keys shorter than this are refused: a short key can be guessed, and then every name with it. */
  public static final int MIN_KEY_CHARS = 16;
  static final int HEX_DIGITS = 16;

  private final Mac mac;

  public Pseudonyms(String key) {
    if (key == null || key.length() < MIN_KEY_CHARS) {
      throw new IllegalArgumentException("the pseudonym key must have at least " + MIN_KEY_CHARS
          + " characters" + (key == null ? "" : ", this one has " + key.length()));
    }
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("the JVM cannot compute HMAC-SHA256", e);
    }
  }

  /** The supplier reference of a normalised name ({@link Names#organisation}). */
  public String supplier(String organisation) {
    return SUPPLIER_PREFIX + hex(organisation);
  }

  /** The buyer reference of a normalised name ({@link Names#organisation}). */
  public String buyer(String organisation) {
    return BUYER_PREFIX + hex(organisation);
  }

  private String hex(String organisation) {
    byte[] h = mac.doFinal(organisation.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(h).substring(0, HEX_DIGITS).toUpperCase(Locale.ROOT);
  }
}
