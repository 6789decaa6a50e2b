package org.fairfee.jobs.generate;

import org.fairfee.schemas.ChargeBasis;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.ReasonCode;

/**
 * One charge line while its month is being made: what it charges, which invoice number it gets,
 * what it is labelled and which earlier line it relates to. Mutable and kept only for the month
 * (and the next, as a possible original), so millions of rows need little memory.
 */
final class Line {
  static final int NO_DATE = Integer.MIN_VALUE;

  /** A fresh invoice number (shared within a bundle on one day). */
  static final byte REF_NEW = 0;
  /** The number of {@link #refSource}, printed in another style. */
  static final byte REF_SAME_AS = 1;
  /** No invoice_ref (the column is optional). */
  static final byte REF_NONE = 2;
  /** A credit note's own number. */
  static final byte REF_CREDIT = 3;

  /** The contract it bills, or null for a planted one-off (recharge, free-by-charter fee, ...). */
  final Market.Contract contract;
  Market.Buyer buyer;
  Market.Iface iface;
  FeeType fee;
  ChargeBasis basis;
  long pence;
  long qty;
  boolean eur;
  boolean vat;
  int date;
  int start = NO_DATE;
  int end = NO_DATE;

  byte refKind = REF_NEW;
  int style;
  long number;
  Line refSource;
  /** For a credit note: the charge it reverses. */
  Line credits;

  /** The reason the validator must give, for a deliberately invalid row; null otherwise. */
  ReasonCode bad;
  int variant;
  boolean lineBreak;

  int month;
  int lineNo;
  int seq;
  Label label;
  Label label2;
  Line related;
  /** Already the original of a planted case. */
  boolean used;

  Line(Market.Contract contract) {
    this.contract = contract;
  }

  Market.Role role() {
    return contract == null ? Market.Role.NONE : contract.role;
  }

  void label(Label l, Line rel) {
    if (label == null) {
      label = l;
    } else {
      label2 = l;
    }
    if (rel != null) {
      related = rel;
    }
  }

  boolean hasPeriod() {
    return start != NO_DATE;
  }
}
