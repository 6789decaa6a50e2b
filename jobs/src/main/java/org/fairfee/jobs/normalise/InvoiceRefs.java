package org.fairfee.jobs.normalise;

import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import org.apache.spark.sql.Column;

/**
 * Invoice numbers are printed differently from one submission to the next ("INV-00123",
 * "inv 123", "#123"). Normalised, those are one number: upper case; spaces, dashes, underscores,
 * dots, slashes and '#' removed; a leading INVOICE, INV or NO taken off; leading zeros dropped.
 * The Java and Spark forms are kept identical by a test.
 */
public final class InvoiceRefs {
  private InvoiceRefs() {}

  static final String SEPARATORS = "[\\s\\-_./#]";
  static final String PREFIX = "^(INVOICE|INV|NO)+";
  static final String ZEROS = "^0+(?=.)";

  public static String normalise(String ref) {
    if (ref == null) {
      return null;
    }
    String s = ref.toUpperCase(Locale.ROOT).replaceAll(SEPARATORS, "");
    s = s.replaceAll(PREFIX, "").replaceAll(ZEROS, "");
    return s.isEmpty() ? null : s;
  }

  public static Column normalise(Column ref) {
    Column s = regexp_replace(regexp_replace(regexp_replace(upper(ref), SEPARATORS, ""), PREFIX, ""), ZEROS, "");
    return when(ref.isNull().or(length(s).equalTo(0)), lit(null).cast("string")).otherwise(s);
  }
}
