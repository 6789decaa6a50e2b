package org.fairfee.jobs.generate;

/**
 * How suppliers print invoice numbers. Every style of one number normalises to the same value
 * (see org.fairfee.jobs.normalise.InvoiceRefs): "INV-012345", "inv 12345" and "#12345" are one invoice.
 * Styles below {@link #SUPPLIER_STYLES} are suppliers' house styles; the rest appear only when a
 * copy re-keys a number.
 */
final class RefStyles {
  private RefStyles() {}

  static final int SUPPLIER_STYLES = 6;
  static final int ALL_STYLES = 9;

  static void append(StringBuilder sb, int style, long n) {
    switch (style) {
      case 0 -> {
        sb.append("INV-");
        pad(sb, n, 6);
      }
      case 1 -> sb.append("INV").append(n);
      case 2 -> sb.append(n);
      case 3 -> sb.append('#').append(n);
      case 4 -> sb.append("Inv ").append(n);
      case 5 -> sb.append("INV/").append(n);
      case 6 -> sb.append("inv ").append(n);
      case 7 -> sb.append("No. ").append(n);
      default -> sb.append("Invoice ").append(n);
    }
  }

  /** A credit note's own number: "CN-00045", never equal to an invoice number once normalised. */
  static void appendCredit(StringBuilder sb, long n) {
    sb.append("CN-");
    pad(sb, n, 5);
  }

  static void pad(StringBuilder sb, long n, int width) {
    String s = Long.toString(n);
    for (int k = s.length(); k < width; k++) {
      sb.append('0');
    }
    sb.append(s);
  }
}
