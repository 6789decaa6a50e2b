package org.fairfee.jobs.importspend;

import java.util.ArrayList;
import java.util.List;

/**
 * The description column of an imported payment: the expense type, the expense area, the line of a
 * split document and the supplier's own reference, in that order and in one fixed form, for example
 * {@code Software Purchases \ Licences; area H.R. Services N.W.L; their ref INV02575791}. The
 * supplier's reference comes last so that {@link #THEIR_REF_PATTERN} can read it back.
 */
public final class SpendDescription {
  private SpendDescription() {}

  static final String AREA = "area ";
  static final String LINE = "line ";
  static final String THEIR_REF = "their ref ";
  static final String SEPARATOR = "; ";
  /** Reads the supplier's reference back out of a description (group 1); Java and Spark regex alike. */
  public static final String THEIR_REF_PATTERN = "(?:^|; )their ref (.+)$";
  private static final int PART_CHARS = 200;

  /** The description, or null when there is nothing to say; at most 500 characters. */
  public static String of(String expenseType, String expenseArea, String documentLine, String theirRef) {
    List<String> parts = new ArrayList<>();
    if (!blank(expenseType)) {
      parts.add(cut(tidy(expenseType)));
    }
    if (!blank(expenseArea)) {
      parts.add(AREA + cut(tidy(expenseArea)));
    }
    if (!blank(documentLine)) {
      parts.add(LINE + documentLine);
    }
    if (!blank(theirRef)) {
      parts.add(THEIR_REF + theirRef);
    }
    return parts.isEmpty() ? null : String.join(SEPARATOR, parts);
  }

  /** One line, single spaces, no control characters. */
  static String tidy(String s) {
    return s == null ? null : s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
  }

  private static String cut(String s) {
    return s.length() > PART_CHARS ? s.substring(0, PART_CHARS - 3) + "..." : s;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
