package org.fairfee.jobs.ingest;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of one record into its fields: RFC 4180 quoting and escaping with Jackson CSV.
 * {@link RecordSplitter} has already cut the record out of the file and checked quote placement,
 * so a carriage return outside quotes here is a bare one, which this class reports.
 *
 * <p>Most rows hold no quote at all; those are split on commas directly, which is what Jackson
 * does with them too, without the cost of a parser per row. Only quoted rows go through Jackson.
 */
public final class FieldParser {

  /** The fields of a record, or why it could not be split. */
  public record Result(String[] fields, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  static final String BARE_CR = "a bare carriage return splits the row (quote the field that holds it)";

  // Jackson factories and schemas are immutable and thread-safe: one for all files, not one per file.
  private static final CsvFactory FACTORY = CsvFactory.builder().build();
  private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withColumnSeparator(',').withQuoteChar('"');
  private final List<String> buffer = new ArrayList<>();

  public Result parse(String text) {
    if (text.indexOf('"') < 0) {
      return splitPlain(text);
    }
    if (hasBareCr(text)) {
      return new Result(null, BARE_CR);
    }
    return parseWithJackson(text);
  }

  private Result splitPlain(String text) {
    if (text.indexOf('\r') >= 0) {
      return new Result(null, BARE_CR);
    }
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ',') {
        n++;
      }
    }
    String[] fields = new String[n];
    int from = 0;
    for (int f = 0; f < n - 1; f++) {
      int comma = text.indexOf(',', from);
      fields[f] = text.substring(from, comma);
      from = comma + 1;
    }
    fields[n - 1] = text.substring(from);
    return new Result(fields, null);
  }

  /** A carriage return outside quotes: Jackson would end the row there (or drop it at the end). */
  private static boolean hasBareCr(String text) {
    boolean inQuote = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        inQuote = !inQuote;
      } else if (ch == '\r' && !inQuote) {
        return true;
      }
    }
    return false;
  }

  /** Jackson's reading of the record, for any text; package-private so tests can compare the paths. */
  Result parseWithJackson(String text) {
    buffer.clear();
    try (CsvParser p = (CsvParser) FACTORY.createParser(text)) {
      p.setSchema(SCHEMA);
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
        return new Result(null, BARE_CR);
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
