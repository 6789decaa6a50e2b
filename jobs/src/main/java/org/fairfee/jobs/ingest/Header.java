package org.fairfee.jobs.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.SubmissionColumn;

/**
 * The header row of a submission, matched to the contract: names trimmed and compared without
 * case, in any order. Unknown columns are kept aside as extras; a missing required column or a
 * name given twice makes the header unusable, with a message naming the columns.
 */
public final class Header {
  private final Map<SubmissionColumn, Integer> index;
  private final List<String> names;
  private final List<String> extras;
  private final int width;
  private final ReasonCode problemCode;
  private final String problem;

  private Header(Map<SubmissionColumn, Integer> index, List<String> names, List<String> extras, int width,
      ReasonCode problemCode, String problem) {
    this.index = index;
    this.names = names;
    this.extras = extras;
    this.width = width;
    this.problemCode = problemCode;
    this.problem = problem;
  }

  public static Header of(String[] names) {
    Map<SubmissionColumn, Integer> index = new EnumMap<>(SubmissionColumn.class);
    List<String> extras = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Set<String> twice = new LinkedHashSet<>();
    List<String> trimmed = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      String name = names[i].trim();
      trimmed.add(name);
      String key = name.toLowerCase(Locale.ROOT);
      if (!key.isEmpty() && !seen.add(key)) {
        twice.add(name);
        continue;
      }
      var column = SubmissionColumn.byHeader(name);
      if (column.isPresent()) {
        index.put(column.get(), i);
      } else {
        extras.add(name.isEmpty() ? "(unnamed column " + (i + 1) + ")" : name);
      }
    }
    if (!twice.isEmpty()) {
      return new Header(index, List.copyOf(trimmed), extras, names.length, ReasonCode.DUPLICATE_COLUMN,
          "column " + String.join(", ", twice) + " appears more than once in the header");
    }
    List<String> missing = new ArrayList<>();
    for (SubmissionColumn c : SubmissionColumn.requiredColumns()) {
      if (!index.containsKey(c)) {
        missing.add(c.columnName());
      }
    }
    if (!missing.isEmpty()) {
      String what = missing.size() == 1 ? "required column " : "required columns ";
      return new Header(index, List.copyOf(trimmed), extras, names.length, ReasonCode.MISSING_COLUMN,
          what + String.join(", ", missing) + " missing from the header");
    }
    return new Header(index, List.copyOf(trimmed), extras, names.length, null, null);
  }

  public boolean usable() {
    return problemCode == null;
  }

  public ReasonCode problemCode() {
    return problemCode;
  }

  public String problem() {
    return problem;
  }

  /** Position of the column in the file, or -1 when the file does not carry it. */
  public int indexOf(SubmissionColumn column) {
    Integer i = index.get(column);
    return i == null ? -1 : i;
  }

  /** Every header name as given (trimmed), in file order. */
  public List<String> names() {
    return names;
  }

  /**
   * A field position for messages: "field 3 (buyer_ref)", 1-based as a spreadsheet user counts,
   * with the header's name for it.
   */
  public String describeField(int index) {
    if (index < 0) {
      return "the row";
    }
    String name = index < names.size() ? names.get(index) : null;
    return "field " + (index + 1) + (name == null ? " (beyond the header's " + width + " columns)"
        : name.isEmpty() ? " (unnamed)" : " (" + name + ")");
  }

  /** Header names that are not contract columns, in file order. */
  public List<String> extras() {
    return extras;
  }

  /** Number of fields every row must have. */
  public int width() {
    return width;
  }
}
