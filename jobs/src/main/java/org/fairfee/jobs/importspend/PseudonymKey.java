package org.fairfee.jobs.importspend;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.fairfee.jobs.core.Io;

/**
 * Where the pseudonym key comes from: the environment variable {@value #ENV} first, then the config
 * ({@code spend.pseudonymKey}), else a key file in the restricted folder, created with a random key
 * the first time and reused after that. The key never goes into the repository or an output.
 *
 * @param source where the key came from, in words, for the manifest (never the key itself)
 * @param warning what the user should know (a key file was used or created), or null
 */
public record PseudonymKey(String key, String source, String warning) {
  public static final String ENV = "FAIRFEE_PSEUDONYM_KEY";
  public static final String FILE_NAME = "pseudonym.key";

  @Override
  public String toString() {
    return "PseudonymKey[source=" + source + "]";
  }

  public static PseudonymKey resolve(String fromEnv, String fromConfig, Io io, Path restricted) throws IOException {
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new PseudonymKey(check(fromEnv.strip(), "the environment variable " + ENV),
          "environment variable " + ENV,
          fromConfig != null ? "both " + ENV + " and spend.pseudonymKey are set; using " + ENV : null);
    }
    if (fromConfig != null) {
      return new PseudonymKey(check(fromConfig, "spend.pseudonymKey in the config"), "config spend.pseudonymKey", null);
    }
    Path file = new Path(restricted, FILE_NAME);
    String shown = file.toUri().getPath();
    if (io.exists(file)) {
      String key = io.readString(file).strip();
      return new PseudonymKey(check(key, "the key file " + shown), "key file " + shown,
          "no pseudonym key given (" + ENV + " or spend.pseudonymKey); using the key file " + shown);
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String key = HexFormat.of().formatHex(random);
    io.write(file, key + "\n");
    try {
      io.fs(file).setPermission(file, new FsPermission((short) 0600));
    } catch (IOException | UnsupportedOperationException e) {
      // a file system without permissions (object stores): the restricted folder's access rules apply
    }
    return new PseudonymKey(key, "key file " + shown + " (created by this import)",
        "no pseudonym key given (" + ENV + " or spend.pseudonymKey); created a random key in " + shown
            + ". Keep it private and keep it: imports with another key give other SUP-/BUY- references");
  }

  private static String check(String key, String where) {
    if (key.length() < Pseudonyms.MIN_KEY_CHARS) {
      throw new IllegalArgumentException("the pseudonym key from " + where + " is too short: it needs at least "
          + Pseudonyms.MIN_KEY_CHARS + " characters");
    }
    return key;
  }
}
