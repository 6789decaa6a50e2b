package org.fairfee.schemas;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns of a submission file, as the contract (schemas/README.md) defines them. The order is
 * the contract's order; files may carry them in any order.
 */
public enum SubmissionColumn {
  SUBMISSION_ID(Cols.SUBMISSION_ID, Kind.TEXT, true, FieldType.STRING, "[A-Za-z0-9._-]{1,64}", 64, null),
  LINE_NO(Cols.LINE_NO, Kind.INTEGER, true, FieldType.INT, null, 0, null),
  SUPPLIER_REF(Cols.SUPPLIER_REF, Kind.TEXT, true, FieldType.STRING, "[A-Z0-9-]{3,32}", 32, null),
  BUYER_REF(Cols.BUYER_REF, Kind.TEXT, true, FieldType.STRING, "[A-Z0-9-]{3,32}", 32, null),
  BUYER_TYPE(Cols.BUYER_TYPE, Kind.ENUM, true, FieldType.STRING, null, 0, BuyerType.class),
  BUYER_SIZE(Cols.BUYER_SIZE, Kind.DECIMAL, false, FieldType.DOUBLE, null, 0, null),
  PRODUCT_CATEGORY(Cols.PRODUCT_CATEGORY, Kind.ENUM, true, FieldType.STRING, null, 0, ProductCategory.class),
  INTERFACE_STANDARD(Cols.INTERFACE_STANDARD, Kind.ENUM, true, FieldType.STRING, null, 0, InterfaceStandard.class),
  INTERFACE_REF(Cols.INTERFACE_REF, Kind.TEXT, false, FieldType.STRING, null, 64, null),
  FEE_TYPE(Cols.FEE_TYPE, Kind.ENUM, true, FieldType.STRING, null, 0, FeeType.class),
  CHARGE_BASIS(Cols.CHARGE_BASIS, Kind.ENUM, true, FieldType.STRING, null, 0, ChargeBasis.class),
  QUANTITY(Cols.QUANTITY, Kind.DECIMAL, false, FieldType.QUANTITY, null, 0, null),
  AMOUNT(Cols.AMOUNT, Kind.DECIMAL, true, FieldType.MONEY, null, 0, null),
  CURRENCY(Cols.CURRENCY, Kind.CURRENCY, false, FieldType.STRING, "[A-Z]{3}", 3, null),
  VAT_INCLUDED(Cols.VAT_INCLUDED, Kind.BOOLEAN, false, FieldType.BOOLEAN, null, 0, null),
  INVOICE_REF(Cols.INVOICE_REF, Kind.TEXT, false, FieldType.STRING, null, 64, null),
  INVOICE_DATE(Cols.INVOICE_DATE, Kind.DATE, true, FieldType.DATE, null, 0, null),
  SERVICE_START(Cols.SERVICE_START, Kind.DATE, false, FieldType.DATE, null, 0, null),
  SERVICE_END(Cols.SERVICE_END, Kind.DATE, false, FieldType.DATE, null, 0, null),
  CREDITS_INVOICE_REF(Cols.CREDITS_INVOICE_REF, Kind.TEXT, false, FieldType.STRING, null, 64, null),
  DESCRIPTION(Cols.DESCRIPTION, Kind.TEXT, false, FieldType.STRING, null, 500, null);

  /** The contract's type column, as written in schemas/README.md. */
  public enum Kind {
    TEXT("text"), INTEGER("integer"), DECIMAL("decimal"), ENUM("enum"), DATE("date"),
    BOOLEAN("boolean"), CURRENCY("ISO 4217 code");

    private final String contractName;

    Kind(String contractName) {
      this.contractName = contractName;
    }

    public String contractName() {
      return contractName;
    }
  }

  private static final List<SubmissionColumn> REQUIRED =
      Arrays.stream(values()).filter(SubmissionColumn::required).toList();

  private final String columnName;
  private final Kind kind;
  private final boolean required;
  private final FieldType storedAs;
  private final Pattern pattern;
  private final int maxLength;
  private final Class<? extends Enum<?>> enumType;

  SubmissionColumn(String columnName, Kind kind, boolean required, FieldType storedAs, String pattern,
      int maxLength, Class<? extends Enum<?>> enumType) {
    this.columnName = columnName;
    this.kind = kind;
    this.required = required;
    this.storedAs = storedAs;
    this.pattern = pattern == null ? null : Pattern.compile(pattern);
    this.maxLength = maxLength;
    this.enumType = enumType;
  }

  /** The column name as it appears in files and in the store. */
  public String columnName() {
    return columnName;
  }

  public Kind kind() {
    return kind;
  }

  public boolean required() {
    return required;
  }

  /** How the parsed value is kept in the curated store. */
  public FieldType storedAs() {
    return storedAs;
  }

  /** The full-match pattern a text value must have, if any. */
  public Optional<Pattern> pattern() {
    return Optional.ofNullable(pattern);
  }

  /** The most characters a text value may have; 0 where no limit applies. */
  public int maxLength() {
    return maxLength;
  }

  /** The allowed codes of an enum column, in declaration order; empty for other kinds. */
  public List<String> allowedValues() {
    if (enumType == null) {
      return List.of();
    }
    return Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toList();
  }

  public static List<SubmissionColumn> requiredColumns() {
    return REQUIRED;
  }

  /** The column with this header name, matched case-insensitively after trimming. */
  public static Optional<SubmissionColumn> byHeader(String header) {
    String key = header.trim().toLowerCase(Locale.ROOT);
    for (SubmissionColumn c : values()) {
      if (c.columnName.equals(key)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
