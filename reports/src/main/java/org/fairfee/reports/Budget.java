package org.fairfee.reports;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * How big a published page may get, and the limits that keep it there whatever the size of the
 * market. A statement or the register lists the rows that matter most and says where the rest are
 * (the CSV beside it, the restricted workbook); a market report's size depends on the number of
 * peer groups, which the contract's codes bound. Why these numbers: reports/README.md.
 */
public final class Budget {
  private Budget() {}

  /** A supplier statement (statements/SUPPLIER_REF.html): 1 MiB. */
  public static final long STATEMENT_BYTES = 1L << 20;
  /** The restricted flags register (restricted/flags-register.html): 2 MiB. */
  public static final long REGISTER_BYTES = 2L << 20;
  /** The public market report (report.html): 2 MiB. */
  public static final long REPORT_BYTES = 2L << 20;

  /** A statement lists this many of the supplier's flags, largest amount at stake first. */
  public static final int STATEMENT_FLAGS = 100;
  /** A statement summarises this many peer groups, those with the most of the supplier's price points. */
  public static final int STATEMENT_PEER_GROUPS = 200;
  /** The register lists this many flags, largest amount at stake first. */
  public static final int REGISTER_FLAGS = 500;
  /** The register's totals by buyer and by supplier show this many, largest amount at stake first. */
  public static final int REGISTER_TOTALS = 100;
  /**
   * Free text from input (evidence, invoice and interface references) is shown up to this many
   * characters on a page; the CSV keeps it whole. The contract's longest free text is 500 characters.
   */
  public static final int TEXT_CHARS = 500;

  /** Bytes a statement's list of flags may take, so that the page stays inside its budget. */
  static final long STATEMENT_FLAG_BYTES = 360_000;
  /** Bytes the register's list of flags may take. */
  static final long REGISTER_FLAG_BYTES = 1_300_000;

  /** The length of text in UTF-8, without encoding it. */
  static long utf8(CharSequence s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /**
   * Appends one row per item, in order, while both limits hold: at most maxRows rows and at most
   * maxBytes of UTF-8 between them. Returns how many rows were written, so the caller can say
   * how many were left out and where they are.
   */
  static <T> int rows(StringBuilder h, List<T> items, int maxRows, long maxBytes, BiConsumer<StringBuilder, T> row) {
    StringBuilder one = new StringBuilder(1024);
    long used = 0;
    int n = 0;
    for (T item : items) {
      if (n == maxRows) {
        break;
      }
      one.setLength(0);
      row.accept(one, item);
      long bytes = utf8(one);
      if (used + bytes > maxBytes) {
        break;
      }
      h.append(one);
      used += bytes;
      n++;
    }
    return n;
  }
}
