package org.fairfee.schemas;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark StructTypes of the tables in {@link Tables}. The only class in schemas/ that needs Spark. */
public final class SparkSchemas {
  private SparkSchemas() {}

  public static final DataType MONEY = DataTypes.createDecimalType(18, 2);
  public static final DataType PRICE = DataTypes.createDecimalType(22, 4);
  public static final DataType QUANTITY = DataTypes.createDecimalType(18, 4);

  public static StructType of(Table table) {
    List<StructField> fields = new ArrayList<>();
    for (Field f : table.fields()) {
      fields.add(DataTypes.createStructField(f.name(), sparkType(f.type()), f.nullable()));
    }
    return DataTypes.createStructType(fields);
  }

  public static DataType sparkType(FieldType type) {
    return switch (type) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case MONEY -> MONEY;
      case PRICE -> PRICE;
      case QUANTITY -> QUANTITY;
    };
  }
}
