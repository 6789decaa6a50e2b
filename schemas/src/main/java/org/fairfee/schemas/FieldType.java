package org.fairfee.schemas;

/** The storage type of a column, independent of Spark so reports can use it without Spark. */
public enum FieldType {
  STRING,
  INT,
  LONG,
  DOUBLE,
  BOOLEAN,
  DATE,
  /** Money in pounds or the invoice currency: decimal(18,2). */
  MONEY,
  /** A unit or annualised price: decimal(22,4), so unit prices of pennies keep their precision. */
  PRICE,
  /** A quantity of transactions: decimal(18,4). */
  QUANTITY
}
