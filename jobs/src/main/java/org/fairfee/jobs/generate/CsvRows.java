package org.fairfee.jobs.generate;

import java.util.Locale;
import org.fairfee.jobs.core.Rates;
import org.fairfee.schemas.ChargeBasis;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.SubmissionColumn;

/**
 * Writes lines as submission rows in the contract's format: RFC 4180 quoting, amounts to the penny,
 * ISO dates, optional fields left empty. Hand-rolled appends (no String.format, no regex), because
 * it runs once per row. One instance per supplier run; not thread-safe.
 */
final class CsvRows {
  /** The unknown column that one awkward file carries; kept aside by the reader, never an error. */
  static final String EXTRA_COLUMN = "internal_note";
  private static final String[] NOTES = {"", "checked", "query raised, awaiting reply", "PO matched", ""};
  private static final SubmissionColumn[] COLUMN = SubmissionColumn.values();
  private static final int COLUMNS = COLUMN.length;
  /** A row cut short after invoice_date: TOO_FEW_FIELDS. */
  private static final int TRUNCATED_FIELDS = SubmissionColumn.INVOICE_DATE.ordinal() + 1;

  private final Window w;
  private final Market.Supplier s;
  private final String[] sids;
  private final StringBuilder tmp = new StringBuilder(256);

  CsvRows(Window w, Market.Supplier s, String[] sids) {
    this.w = w;
    this.s = s;
    this.sids = sids;
  }

  static void header(StringBuilder sb, int[] order, boolean upper, boolean extra) {
    for (int k = 0; k < COLUMNS; k++) {
      if (k > 0) {
        sb.append(',');
      }
      String name = SubmissionColumn.values()[order == null ? k : order[k]].columnName();
      sb.append(upper ? name.toUpperCase(Locale.ROOT) : name);
    }
    if (extra) {
      sb.append(',').append(EXTRA_COLUMN);
    }
  }

  void row(StringBuilder sb, Line l, int[] order, boolean extra) {
    int n = l.bad == ReasonCode.TOO_FEW_FIELDS ? TRUNCATED_FIELDS : COLUMNS;
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        sb.append(',');
      }
      field(sb, l, order == null ? k : order[k]);
    }
    if (extra) {
      sb.append(',');
      quoted(sb, NOTES[l.lineNo % NOTES.length]);
    }
  }

  private void field(StringBuilder sb, Line l, int col) {
    SubmissionColumn c = COLUMN[col];
    switch (c) {
      case SUBMISSION_ID -> sb.append(sids[l.month]);
      case LINE_NO -> sb.append(l.lineNo);
      case SUPPLIER_REF -> sb.append(s.ref);
      case BUYER_REF -> sb.append(l.buyer.ref);
      case BUYER_TYPE -> sb.append(badEnum(l, c) ? "NHS_TRUST" : l.buyer.type.name());
      case BUYER_SIZE -> {
        if (l.buyer.size > 0) {
          sb.append(l.buyer.size);
        }
      }
      case PRODUCT_CATEGORY -> sb.append(badEnum(l, c) ? "EHR" : l.iface.category.name());
      case INTERFACE_STANDARD -> sb.append(badEnum(l, c) ? "HL7v2" : l.iface.standard.name());
      case INTERFACE_REF -> sb.append(l.iface.ref);
      case FEE_TYPE -> sb.append(badEnum(l, c) ? "Licence" : l.fee.name());
      case CHARGE_BASIS -> sb.append(badEnum(l, c) ? "YEARLY" : l.basis.name());
      case QUANTITY -> {
        if (l.qty > 0) {
          sb.append(l.qty);
        }
      }
      case AMOUNT -> {
        appendPence(sb, l.pence);
        if (l.bad == ReasonCode.TOO_MANY_DECIMALS) {
          sb.append((char) ('1' + l.variant % 9));
        }
      }
      case CURRENCY -> {
        if (l.eur) {
          sb.append(Market.EUR);
        } else if (!s.blankDefaults) {
          sb.append(Rates.GBP);
        }
      }
      case VAT_INCLUDED -> {
        if (l.vat || !s.blankDefaults) {
          sb.append(l.vat);
        }
      }
      case INVOICE_REF -> invoiceRef(sb, l);
      case INVOICE_DATE -> invoiceDate(sb, l);
      case SERVICE_START -> {
        if (l.hasPeriod()) {
          sb.append(w.date(l.start));
        }
      }
      case SERVICE_END -> {
        if (l.hasPeriod()) {
          sb.append(w.date(l.end));
        }
      }
      case CREDITS_INVOICE_REF -> {
        if (l.credits != null) {
          RefStyles.append(sb, s.style, number(l.credits));
        }
      }
      case DESCRIPTION -> description(sb, l);
    }
  }

  /** The enum column that an INVALID_ENUM row gets wrong, chosen by its variant. */
  private static boolean badEnum(Line l, SubmissionColumn c) {
    return l.bad == ReasonCode.INVALID_ENUM && ENUMS[l.variant % ENUMS.length] == c;
  }

  private static final SubmissionColumn[] ENUMS = {SubmissionColumn.BUYER_TYPE, SubmissionColumn.PRODUCT_CATEGORY,
      SubmissionColumn.INTERFACE_STANDARD, SubmissionColumn.FEE_TYPE, SubmissionColumn.CHARGE_BASIS};

  private void invoiceDate(StringBuilder sb, Line l) {
    if (l.bad != ReasonCode.INVALID_DATE) {
      sb.append(w.date(l.date));
      return;
    }
    // Not a real date: the 30th of February, the 31st of a 30-day month, or day and month swapped.
    String text = w.text(l.month);
    int len = w.length(l.month);
    if (len == 28 || len == 29) {
      sb.append(text).append("-30");
    } else if (len == 30) {
      sb.append(text).append("-31");
    } else {
      sb.append(text, 0, 4).append('-').append(13 + l.variant % 15).append('-').append(text, 5, 7);
    }
  }

  private static long number(Line l) {
    return l.refKind == Line.REF_SAME_AS ? l.refSource.number : l.number;
  }

  private void invoiceRef(StringBuilder sb, Line l) {
    switch (l.refKind) {
      case Line.REF_NEW -> RefStyles.append(sb, l.style, l.number);
      case Line.REF_SAME_AS -> RefStyles.append(sb, l.style, l.refSource.number);
      case Line.REF_CREDIT -> RefStyles.appendCredit(sb, l.number);
      default -> {
        // no invoice_ref
      }
    }
  }

  static void appendPence(StringBuilder sb, long pence) {
    if (pence < 0) {
      sb.append('-');
      pence = -pence;
    }
    sb.append(pence / 100).append('.');
    long p = pence % 100;
    if (p < 10) {
      sb.append('0');
    }
    sb.append(p);
  }

  private void description(StringBuilder sb, Line l) {
    StringBuilder d = tmp;
    d.setLength(0);
    int v = l.variant;
    if (l.pence < 0 && l.credits != null) {
      d.append("Credit note, reverses invoice ");
      RefStyles.append(d, s.style, number(l.credits));
      d.append(" (billed in error)");
    } else if (v % 41 == 7) {
      return; // some lines come without a description
    } else {
      String name = l.iface.name;
      switch (l.fee) {
        case LICENCE -> d.append("Interface licence \u2013 ").append(name).append(" (")
            .append(Catalogue.standardLabel(l.iface.standard)).append(')');
        case SUPPORT -> d.append("Support and maintenance, \"")
            .append(Catalogue.SUPPORT_TIERS[v % Catalogue.SUPPORT_TIERS.length]).append("\" tier, ").append(name);
        case TRANSACTION -> d.append(l.qty).append(" messages, ").append(name);
        case IMPLEMENTATION -> d.append("Implementation and go-live support, ").append(name).append(" interface");
        case DEVELOPMENT -> d.append("Development of the ").append(name).append(" interface, change request CR-")
            .append(1000 + v % 9000);
        case SPECIFICATION_ACCESS -> d.append("Access to the \"").append(name).append("\" interface specification");
        case COOPERATION -> d.append("Co-operation with a third-party supplier on the ").append(name)
            .append(" interface");
        default -> d.append("Training, ").append(1 + v % 3).append(" days on site");
      }
      if (l.hasPeriod()) {
        if (l.basis == ChargeBasis.MONTHLY || l.basis == ChargeBasis.PER_TRANSACTION) {
          d.append(", ").append(w.name(w.monthOf(l.start)));
        } else if (l.start <= l.end) {
          d.append(", ").append(w.date(l.start)).append(" to ").append(w.date(l.end));
        }
      }
      if (l.fee == FeeType.LICENCE && v % 13 == 0) {
        d.append(" - as per schedule 2, clause 4.1");
      }
    }
    if (l.lineBreak) {
      d.append("\nPO ").append(4_500_000_000L + v % 1_000_000);
    }
    quoted(sb, d);
  }

  /** Appends a value, quoted (with doubled quotes) when it holds a comma, a quote or a line break. */
  static void quoted(StringBuilder sb, CharSequence value) {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      sb.append(value);
      return;
    }
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        sb.append('"');
      }
      sb.append(c);
    }
    sb.append('"');
  }
}
