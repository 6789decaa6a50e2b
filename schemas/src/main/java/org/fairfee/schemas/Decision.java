package org.fairfee.schemas;

/** What a commercial team decided about a flag (column decision); a flag with none is open. */
public enum Decision {
  /** The flag is right: the charge breaks the charter; money may still be recovered. */
  CONFIRMED,
  /** The flag is wrong: it counts in no pounds at stake, and the same line and rule is not flagged again. */
  DISMISSED,
  /** The flag is right and the money came back: recovered_gbp says how much. */
  RECOVERED;

  /** True for CONFIRMED and RECOVERED: the rule was right. */
  public boolean confirms() {
    return this != DISMISSED;
  }

  /** The decision named by text (exact upper case), or null when it names none. */
  public static Decision parse(String text) {
    for (Decision d : values()) {
      if (d.name().equals(text)) {
        return d;
      }
    }
    return null;
  }
}
