package org.fairfee.jobs.importspend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields fairfee reads from a published spend file, each with the header names trusts and
 * councils use for it, in order of preference. Header names are compared folded (case, spacing and
 * punctuation ignored, "&pound;" read as "gbp") and without plural endings, so "Expenses Type",
 * "EXPENSE TYPE" and "expense_types" are one name.
 */
public enum SpendField {
  SUPPLIER(true, "supplier", "supplier name", "vendor", "vendor name", "payee", "payee name", "creditor",
      "creditor name", "merchant", "merchant name", "beneficiary", "beneficiary name", "recipient",
      "recipient name", "company name"),
  DATE(true, "date paid", "paid date", "payment date", "date of payment", "pay date", "date", "transaction date",
      "date of transaction", "posting date", "posted date", "clearing date", "value date", "invoice date",
      "effective date"),
  AMOUNT(true, "amount", "amount gbp", "gbp", "amount paid", "payment amount", "paid amount", "net amount",
      "amount net", "value", "value gbp", "transaction amount", "total", "total amount", "amount excl vat",
      "amount ex vat", "amount excluding vat", "net value", "gross amount", "amount incl vat", "amount inc vat",
      "spend"),
  /** The payer's own transaction or document number: one payment (possibly split over several lines). */
  TRANSACTION_REF(false, "transaction number", "transaction no", "transaction reference", "transaction ref",
      "transaction id", "transaction", "trans no", "trans number", "trans ref", "trans reference", "trans id",
      "document number", "document no", "doc no", "doc number", "payment reference", "payment ref",
      "payment number", "payment no", "payment id", "voucher number", "voucher no", "reference", "ref",
      "reference number", "unique transaction reference", "journal number"),
  /** The supplier's own reference, usually its invoice number. */
  SUPPLIER_REF(false, "their reference", "their ref", "invoice number", "invoice no", "invoice reference",
      "invoice ref", "invoice id", "supplier invoice number", "supplier invoice no", "supplier invoice reference",
      "supplier invoice ref"),
  EXPENSE_TYPE(false, "expense type", "expenditure type", "expenditure category", "expense category",
      "expense description", "expenditure description", "spend category", "category", "subjective description",
      "account description", "nominal description", "expenditure account", "purpose of expenditure", "purpose",
      "description", "narrative", "expense"),
  EXPENSE_AREA(false, "expense area", "expenditure area", "cost centre", "cost center", "cost centre description",
      "cost center description", "cost centre name", "service area", "service", "directorate", "division",
      "business unit", "area", "department", "department name"),
  BUYER(false, "entity", "entity name", "client", "body", "body name", "organisation", "organisation name",
      "organization", "organization name", "trust", "trust name", "authority", "council", "buyer", "purchaser");

  private final boolean required;
  private final List<String> names;

  SpendField(boolean required, String... names) {
    this.required = required;
    this.names = Arrays.stream(names).map(SpendField::headerKey).toList();
  }

  /**
   * Required on its own. A file also needs one of the two references: without a reference, split
   * lines of one payment could not be told from a payment made twice.
   */
  public boolean required() {
    return required;
  }

  /** The header names that stand for this field, folded, most preferred first. */
  public List<String> names() {
    return names;
  }

  /** The name used in the mapping file and the manifest: {@code supplier}, {@code transaction_ref}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SpendField> byKey(String key) {
    for (SpendField f : values()) {
      if (f.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** A header name folded for comparison: "Amount (&pound;)" is "amount gbp", "Expenses Type" is "expense type". */
  public static String headerKey(String header) {
    String folded = Names.fold(header == null ? "" : header.replace("£", " gbp "));
    List<String> words = new ArrayList<>();
    for (String w : folded.split(" ")) {
      if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
        w = w.substring(0, w.length() - 1);
      }
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return String.join(" ", words);
  }
}
