package org.fairfee.jobs.bands;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.fairfee.schemas.BuyerType;
import org.fairfee.schemas.Cols;

/**
 * What buyer_size counts for each buyer type, as the contract says: staff for trusts, registered
 * patients for practices and PCNs, population for ICBs and local authorities, beds for care
 * providers. OTHER has no agreed measure, so its prices are never size-adjusted.
 */
public enum SizeMeasure {
  STAFF, REGISTERED_PATIENTS, POPULATION, BEDS;

  /** The value written in size_measure when a cell's sized price points use more than one measure. */
  public static final String MIXED = "mixed";

  /** The size_measure value: "staff", "registered_patients", "population" or "beds". */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The measure of a buyer type's size; empty for OTHER. */
  public static Optional<SizeMeasure> of(BuyerType type) {
    return Optional.ofNullable(switch (type) {
      case ACUTE_TRUST, MENTAL_HEALTH_TRUST, COMMUNITY_TRUST, AMBULANCE_TRUST -> STAFF;
      case GP_PRACTICE, PCN -> REGISTERED_PATIENTS;
      case ICB, LOCAL_AUTHORITY -> POPULATION;
      case CARE_PROVIDER -> BEDS;
      case OTHER -> null;
    });
  }

  /** The same mapping as a column over buyer_type; null for OTHER. */
  static Column column() {
    Column c = lit(null).cast("string");
    for (BuyerType t : BuyerType.values()) {
      Optional<SizeMeasure> m = of(t);
      if (m.isPresent()) {
        c = when(col(Cols.BUYER_TYPE).equalTo(t.name()), lit(m.get().value())).otherwise(c);
      }
    }
    return c;
  }
}
