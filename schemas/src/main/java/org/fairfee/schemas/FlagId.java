package org.fairfee.schemas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A flag's stable id (column flag_id): "F-" and the first 16 hex digits (64 bits) of the SHA-256 of
 * {@code rule + "|" + submission_id + "|" + line_no} in UTF-8. It depends on nothing else, so the
 * same flag has the same id on every run and in every later month, and a decision recorded against
 * it finds it again. Two distinct flags share an id with a chance of about n^2 / 2^65.
 */
public final class FlagId {
  private FlagId() {}

  public static String of(String rule, String submissionId, int lineNo) {
    if (rule == null || submissionId == null) {
      throw new IllegalArgumentException("FlagId: rule and submission_id are required, got " + rule + ", "
          + submissionId);
    }
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256")
          .digest((rule + "|" + submissionId + "|" + lineNo).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    StringBuilder sb = new StringBuilder("F-");
    for (int i = 0; i < 8; i++) {
      sb.append(Character.forDigit((hash[i] >> 4) & 0xf, 16)).append(Character.forDigit(hash[i] & 0xf, 16));
    }
    return sb.toString();
  }
}
