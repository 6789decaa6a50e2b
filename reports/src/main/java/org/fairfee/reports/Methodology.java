package org.fairfee.reports;

import java.util.List;
import org.fairfee.reports.model.Method;

/** The method in short, in words an NHS commercial team understands, with the settings actually used. */
final class Methodology {
  private Methodology() {}

  record Point(String heading, String text) {}

  static List<Point> points(Method m) {
    return List.of(
        new Point("Normalisation", "Every amount is taken net of VAT and in pounds (other currencies at the"
            + " month's reference rate). Recurring charges are annualised (monthly × 12, quarterly × 4, annual as"
            + " is); per-transaction charges are compared as a unit price (amount / quantity); one-off charges as"
            + " they are. A credit note nets off the charge it reverses."),
        new Point("Price points", "A band is computed from price points, not invoice lines: one price per"
            + " supplier, buyer, interface (or product), fee type and basis class over the " + m.windowMonths()
            + " months ending with the period. Twelve monthly invoices of one contract are one price point."
            + " A copy flagged as charging twice and a charge credited back do not count."),
        new Point("Peer groups", "Prices are compared within a peer group: the same product category,"
            + " interface standard, fee type and basis class (one-off, recurring, per transaction). Each category"
            + " and fee type also has a roll-up across all standards. Specification access and co-operation fees"
            + " are not benchmarked: the charter says they should be nil, so they are flagged instead."),
        new Point("Percentiles", "p10, p25, median, p75 and p90 are the 10th to 90th percentiles of the"
            + " price points, estimated as " + m.percentileMethod() + "."),
        new Point("Disclosure control", "A band is published only when at least " + m.minSuppliers()
            + " different suppliers contribute and no supplier holds more than " + Fmt.percent(m.maxSupplierShare())
            + " of its price points; a cell that could be worked out from a published total is suppressed too."
            + " A suppressed cell shows counts only, never a price."),
        new Point("Reasonable and proportionate (P4)", "A price is flagged for review when it is far above"
            + " its peer group after allowing for the buyer's size: a robust score (median and median absolute"
            + " deviation of the size-adjusted log price) above " + Fmt.decimal1(m.maxModifiedZ())
            + ", in peer groups of at least " + m.p4MinPricePoints() + " price points from at least "
            + m.p4MinSuppliers() + " suppliers. One very high price cannot hide itself by moving the average,"
            + " and a large trust is not flagged for paying more than a small practice. A P4 flag is a lead for"
            + " a person to review, not a finding."),
        new Point("Charging twice (P5)", "A copy of a charge already made is flagged when supplier, buyer,"
            + " interface, fee and net amount match and the invoices carry the same (or a re-formatted) invoice"
            + " number or the same service period, invoiced within " + m.duplicateWindowDays() + " days. The"
            + " earliest invoice is the original; a copy that was credited back is not charging twice."));
  }
}
