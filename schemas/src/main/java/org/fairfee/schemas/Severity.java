package org.fairfee.schemas;

import java.util.Locale;

/** How much weight a flag carries (flags.csv column severity). */
public enum Severity {
  /** A clear breach of a charter principle, with the money to recover. */
  BREACH,
  /** A strong lead that needs a person's judgement before acting on it. */
  REVIEW,
  /** For information: worth knowing, not a breach by itself. */
  INFO;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
