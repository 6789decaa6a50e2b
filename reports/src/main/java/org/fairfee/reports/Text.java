package org.fairfee.reports;

/**
 * Makes text from input safe to place in any output before escaping: control characters become
 * spaces (line feeds stay), bidirectional overrides that could make text read differently from
 * what it holds are dropped, and lone surrogates become U+FFFD.
 */
public final class Text {
  private Text() {}

  /** The cleaned text; null stays null. */
  public static String clean(String s) {
    return clean(s, false);
  }

  /**
   * The cleaned text keeping tabs and carriage returns too: for the raw text of a quarantined row,
   * whose layout is the evidence, while terminal escapes and other controls still go.
   */
  public static String cleanKeepingLayout(String s) {
    return clean(s, true);
  }

  private static String clean(String s, boolean keepLayout) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r = keepLayout && (c == '\t' || c == '\r') ? null : replacement(s, i, c);
      if (r != null && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (sb != null) {
        if (r != null) {
          sb.append(r);
        } else {
          sb.append(c);
          if (Character.isHighSurrogate(c)) {
            sb.append(s.charAt(++i));
          }
        }
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** What replaces the char at i, or null to keep it (a valid surrogate pair is kept whole). */
  private static String replacement(String s, int i, char c) {
    if (c == '\n') {
      return null;
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return " ";
    }
    if (c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      return "";
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? null : "\uFFFD";
    }
    if (Character.isLowSurrogate(c)) {
      return "\uFFFD";
    }
    return null;
  }

  /** The cleaned text cut to at most max characters, ending in an ellipsis when cut. */
  public static String shorten(String s, int max) {
    String c = clean(s);
    if (c == null || c.length() <= max) {
      return c;
    }
    int end = max - 1;
    if (Character.isLowSurrogate(c.charAt(end))) {
      end--;
    }
    return c.substring(0, end) + "\u2026";
  }
}
