package org.fairfee.jobs.publish;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairfee.reports.Csv;
import org.fairfee.reports.Text;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.Tables;

/**
 * quarantine.csv: the quarantined rows of the run's accepted files, under the file names of this
 * run's input, sorted by file and line. Streamed to the driver a partition at a time, so a large
 * quarantine never has to fit in memory.
 */
public final class QuarantineCsv {
  private QuarantineCsv() {}

  /** Writes the file and returns the count of rows per reason code. */
  public static Map<String, Long> write(SparkSession spark, Dataset<Row> stored, List<FileOutcome> files,
      OutputStream out) throws IOException {
    List<Row> names = new ArrayList<>();
    for (FileOutcome f : files) {
      if (f.status() == FileStatus.ACCEPTED && f.rowsQuarantined() > 0) {
        names.add(RowFactory.create(f.sha256(), f.file()));
      }
    }
    Map<String, Long> byReason = new TreeMap<>();
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(Csv.line(Tables.QUARANTINE.columnNames()));
    if (!names.isEmpty()) {
      StructType schema = DataTypes.createStructType(List.of(
          DataTypes.createStructField(Cols.SHA256, DataTypes.StringType, false),
          DataTypes.createStructField(Cols.FILE, DataTypes.StringType, false)));
      Dataset<Row> byFile = spark.createDataFrame(names, schema);
      Dataset<Row> rows = stored.join(broadcast(byFile), Cols.SHA256)
          .select(col(Cols.FILE), col(Cols.LINE), col(Cols.REASON_CODE), col(Cols.REASON), col(Cols.RAW))
          .orderBy(col(Cols.FILE), col(Cols.LINE));
      Iterator<Row> it = rows.toLocalIterator();
      while (it.hasNext()) {
        Row r = it.next();
        String code = r.getString(2);
        byReason.merge(code, 1L, Long::sum);
        w.write(Csv.line(Text.clean(r.getString(0)), String.valueOf(r.getLong(1)), code, Text.clean(r.getString(3)),
            Text.cleanKeepingLayout(r.getString(4))));
      }
    }
    w.flush();
    return byReason;
  }
}
