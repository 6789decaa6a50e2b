package org.fairfee.jobs.ingest;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of one record into its fields with Jackson CSV (RFC 4180 quoting and escaping).
 * {@link RecordSplitter} has already cut the record out of the file, so a record that parses into
 * more than one row here holds a bare carriage return, which this class reports.
 */
public final class FieldParser {

  /** The fields of a record, or why it could not be split. */
  public record Result(String[] fields, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  private final CsvFactory factory = CsvFactory.builder().build();
  private final CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(',').withQuoteChar('"');
  private final List<String> buffer = new ArrayList<>();

  public Result parse(String text) {
    buffer.clear();
    try (CsvParser p = (CsvParser) factory.createParser(text)) {
      p.setSchema(schema);
      p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      // WRAP_AS_ARRAY gives [ [f1, f2, ...], [next row...] ]: one inner array per row.
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_ARRAY) {
        return new Result(new String[] {""}, null);
      }
      while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
        buffer.add(p.getText());
      }
      if (t != JsonToken.END_ARRAY) {
        return new Result(null, "the row could not be split into fields");
      }
      t = p.nextToken();
      if (t != JsonToken.END_ARRAY && t != null) {
        return new Result(null, "a bare carriage return splits the row (quote the field that holds it)");
      }
      return new Result(buffer.toArray(new String[0]), null);
    } catch (IOException | RuntimeException e) {
      return new Result(null, "the row is not valid CSV: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "parse error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
