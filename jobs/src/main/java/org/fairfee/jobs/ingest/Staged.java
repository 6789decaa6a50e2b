package org.fairfee.jobs.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;

/**
 * The one-pass output of parsing: accepted rows (kind A) and quarantined rows (kind Q) side by
 * side, so each file is read once and the result is written with one partitioned Parquet write.
 * Layout: kind, the columns of {@link Tables#CHARGES}, then line, reason_code, reason, raw.
 */
final class Staged {
  private Staged() {}

  static final String KIND = "kind";
  static final String ACCEPTED = "A";
  static final String QUARANTINED = "Q";
  /** invoice_month of quarantined rows, whose dates cannot be trusted. */
  static final String NO_MONTH = "none";

  static final int CHARGES_OFFSET = 1;
  static final int LINE = 1 + Tables.CHARGES.fields().size();
  static final int REASON_CODE = LINE + 1;
  static final int REASON = LINE + 2;
  static final int RAW = LINE + 3;
  static final int WIDTH = RAW + 1;

  static final StructType SCHEMA = schema();

  private static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(KIND, DataTypes.StringType, false));
    for (StructField f : SparkSchemas.of(Tables.CHARGES).fields()) {
      fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
    }
    fields.add(DataTypes.createStructField(Cols.LINE, DataTypes.LongType, true));
    fields.add(DataTypes.createStructField(Cols.REASON_CODE, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(Cols.REASON, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(Cols.RAW, DataTypes.StringType, true));
    return DataTypes.createStructType(fields);
  }
}
