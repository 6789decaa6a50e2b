package org.fairfee.reports;

/** HTML escaping for every value that came from input; nothing from input is written unescaped. */
public final class Html {
  private Html() {}

  /**
   * Escapes text for element content and quoted attribute values, after {@link Text#clean}: control
   * characters (tabs too) become spaces, bidirectional overrides are dropped, line feeds stay.
   */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    String c = Text.clean(s);
    StringBuilder sb = new StringBuilder(c.length() + 16);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
