package org.fairfee.jobs.sweep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One charge line of an independent market, as written to a submission file, with its ground truth:
 * the rule families it must be flagged under and, in words, what kind of line it is. Mutable while
 * the market is being built (a planted outlier changes an amount), read-only after.
 */
public final class MarketLine {
  /** Generation order: the tie-break that puts an original before its copy in one file. */
  final int seq;
  final String supplier;
  final String buyer;
  final String buyerType;
  /** The size written in buyer_size, null when the buyer reports none. */
  final Long size;
  /** The buyer's true size over the reference size of its measure (known even when not reported). */
  final double sizeRatio;
  final boolean largeBuyer;
  final String category;
  final String standard;
  /** Null for product-level fees (no interface reference). */
  final String interfaceRef;
  final String fee;
  final String basis;
  /** Transactions billed, PER_TRANSACTION only. */
  Long quantity;
  /** The net amount in pounds (ex VAT); negative for a credit note. */
  BigDecimal net;
  final boolean vat;
  String invoiceRef;
  LocalDate invoiceDate;
  LocalDate serviceStart;
  LocalDate serviceEnd;
  /** For a credit note: the line it reverses (its invoice_ref is printed in credits_invoice_ref). */
  MarketLine credits;
  String description;
  /** The contract the line belongs to (null for lines outside any contract: credit notes, nil fees). */
  Contract contract;
  /** Noise-free fair price on the line's basis: per year for recurring, per unit, or the one-off total. */
  double fairPrice;
  /** The planted over-pricing (price / fair price), 0 when none. */
  double plantedRatio;

  /** Ground truth: P1, P2, P4, P5 (families this line must be flagged under; empty for a negative). */
  final Set<String> families = new TreeSet<>();
  /** What kind of line this is, in a few words (why it is, or is not, a positive). */
  String kind;
  /** Further detail for the reader of a miss or false positive. */
  String detail = "";

  /** Assigned when the market is finished. */
  String submissionId;
  int lineNo;

  MarketLine(int seq, String supplier, Buyer buyer, String category, String standard, String interfaceRef,
      String fee, String basis, boolean vat) {
    this.seq = seq;
    this.supplier = supplier;
    this.buyer = buyer.ref();
    this.buyerType = buyer.type();
    this.size = buyer.reportedSize();
    this.sizeRatio = buyer.sizeRatio();
    this.largeBuyer = buyer.large();
    this.category = category;
    this.standard = standard;
    this.interfaceRef = interfaceRef;
    this.fee = fee;
    this.basis = basis;
    this.vat = vat;
  }

  /** A buyer organisation: pseudonymous reference, type, size. */
  public record Buyer(String ref, String type, String measure, long size, double sizeRatio, boolean large,
      boolean sizeMissing) {
    Long reportedSize() {
      return sizeMissing ? null : size;
    }
  }

  /** A stream of charges: one fee of one supplier to one buyer for one product or interface. */
  static final class Contract {
    final String id;
    final String fee;
    final String basis;
    /** Noise-free fair price on the contract's basis (yearly for recurring). */
    final double fair;
    final java.util.List<MarketLine> lines = new java.util.ArrayList<>();
    /** Touched by a copy, an overlap, a credit, a re-issue or a twin: never gets a planted outlier. */
    boolean involved;
    /** Billed quarterly in advance with one MONTHLY line per month. */
    boolean inAdvance;
    /** Paid in instalments (one-off). */
    boolean instalments;

    Contract(String id, String fee, String basis, double fair) {
      this.id = id;
      this.fee = fee;
      this.basis = basis;
      this.fair = fair;
    }
  }

  public String key() {
    return submissionId + "/" + lineNo;
  }

  public YearMonth month() {
    return YearMonth.from(invoiceDate);
  }

  public boolean isCredit() {
    return net.signum() < 0;
  }

  /** The amount as printed: net plus VAT at 20% where vat_included, to the penny. */
  public BigDecimal printedAmount() {
    return vat ? net.multiply(BigDecimal.valueOf(12, 1)).setScale(2, RoundingMode.HALF_UP) : net;
  }

  /** The net amount the contract defines: the printed amount, divided by 1.2 where it includes VAT. */
  public double contractNet() {
    double a = printedAmount().doubleValue();
    return vat ? a / 1.2 : a;
  }

  public static String basisClass(String basis) {
    return switch (basis) {
      case "ONE_OFF" -> "ONE_OFF";
      case "PER_TRANSACTION" -> "PER_TRANSACTION";
      default -> "RECURRING";
    };
  }

  public static int annualFactor(String basis) {
    return switch (basis) {
      case "MONTHLY" -> 12;
      case "QUARTERLY" -> 4;
      default -> 1;
    };
  }

  /** The line's own price on its basis: annualised, one-off, or per transaction. */
  public double linePrice() {
    double n = contractNet();
    if ("PER_TRANSACTION".equals(basis)) {
      return n / quantity;
    }
    return n * annualFactor(basis);
  }

  /** One plain sentence for a list of misses and false positives. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(kind).append(": ").append(fee).append(' ').append(basis).append(' ').append(category).append('/')
        .append(standard);
    if (interfaceRef != null) {
      sb.append(' ').append(interfaceRef);
    }
    sb.append(", ").append(supplier).append(" to ").append(buyer).append(' ').append(buyerType)
        .append(size == null ? " (size missing" : " (size " + size).append(String.format(Locale.ROOT, ", %.1fx usual%s)",
            sizeRatio, largeBuyer ? ", large buyer" : ""));
    if (net.signum() > 0 && fairPrice > 0) {
      sb.append(String.format(Locale.ROOT, ", %s %.2f = %.2fx noise-free fair price",
          "PER_TRANSACTION".equals(basis) ? "unit price" : "ONE_OFF".equals(basis) ? "line" : "annualised",
          linePrice(), linePrice() / fairPrice));
    } else {
      sb.append(", amount ").append(printedAmount().toPlainString());
    }
    if (!detail.isEmpty()) {
      sb.append("; ").append(detail);
    }
    return sb.toString();
  }
}
