package org.fairfee.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tables in schemas/README.md and the Java code must say the same thing. */
class ContractDocTest {

  private static final Path README = Path.of("README.md");

  /** Rows of the markdown table whose header row starts with {@code firstHeader}. */
  static List<List<String>> table(String firstHeader) throws IOException {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    boolean in = false;
    for (String line : lines) {
      if (!in && line.startsWith("| " + firstHeader + " |")) {
        in = true;
        continue;
      }
      if (in) {
        if (line.startsWith("|---")) {
          continue;
        }
        if (!line.startsWith("|")) {
          break;
        }
        String inner = line.substring(1, line.length() - 1);
        rows.add(Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList());
      }
    }
    assertTrue(!rows.isEmpty(), "no table headed '" + firstHeader + "' in README.md");
    return rows;
  }

  @Test
  void columnsMatchTheContractTable() throws IOException {
    Map<String, List<String>> doc = new LinkedHashMap<>();
    for (List<String> row : table("column")) {
      doc.put(row.get(0), row);
    }
    List<String> codeNames = Arrays.stream(SubmissionColumn.values()).map(SubmissionColumn::columnName).toList();
    assertEquals(List.copyOf(doc.keySet()), codeNames, "column names and order");
    for (SubmissionColumn c : SubmissionColumn.values()) {
      List<String> row = doc.get(c.columnName());
      assertEquals(c.kind().contractName(), row.get(1), "type of " + c.columnName());
      assertEquals(c.required() ? "yes" : "no", row.get(2), "required of " + c.columnName());
      if (c.kind() == SubmissionColumn.Kind.ENUM) {
        List<String> documented = Arrays.stream(row.get(3).split(",")).map(String::trim).toList();
        assertEquals(documented, c.allowedValues(), "enum values of " + c.columnName());
      }
    }
  }

  @Test
  void reasonCodesMatchTheTable() throws IOException {
    List<List<String>> rows = table("code");
    assertEquals(ReasonCode.values().length, rows.size(), "number of reason codes");
    for (int i = 0; i < rows.size(); i++) {
      ReasonCode code = ReasonCode.values()[i];
      assertEquals(code.name(), rows.get(i).get(0));
      assertEquals(code.level().name().toLowerCase(Locale.ROOT), rows.get(i).get(1), code.name());
      assertEquals(code.meaning(), rows.get(i).get(2), code.name());
    }
  }

  @Test
  void ruleCodesMatchTheTable() throws IOException {
    List<List<String>> rows = table("rule");
    assertEquals(RuleCode.values().length, rows.size(), "number of rule codes");
    for (int i = 0; i < rows.size(); i++) {
      RuleCode rule = RuleCode.values()[i];
      assertEquals(rule.name(), rows.get(i).get(0));
      assertEquals(rule.severity().value(), rows.get(i).get(1), rule.name());
      assertEquals(rule.principle(), rows.get(i).get(2), rule.name());
      assertEquals(rule.condition(), rows.get(i).get(3), rule.name());
    }
  }

  @Test
  void everyContractRuleFamilyHasARuleCode() throws IOException {
    for (List<String> row : table("rule family")) {
      String family = row.get(0);
      boolean known = Arrays.stream(RuleCode.values())
          .anyMatch(r -> family.endsWith("*") ? r.name().startsWith(family.substring(0, family.length() - 1))
              : r.name().equals(family));
      assertTrue(known, "no RuleCode for contract rule family " + family);
    }
  }

  @Test
  void chargesTableHoldsEveryContractColumnWithLineage() {
    List<String> names = Tables.CHARGES.columnNames();
    for (SubmissionColumn c : SubmissionColumn.values()) {
      assertTrue(names.contains(c.columnName()), c.columnName());
    }
    assertTrue(names.containsAll(List.of(Cols.INVOICE_MONTH, Cols.SOURCE_FILE, Cols.SOURCE_SHA256, Cols.SOURCE_LINE)));
  }

  @Test
  void basisClassesAndAnnualFactorsFollowTheContract() {
    assertEquals(12, ChargeBasis.MONTHLY.annualFactor());
    assertEquals(4, ChargeBasis.QUARTERLY.annualFactor());
    assertEquals(1, ChargeBasis.ANNUAL.annualFactor());
    assertEquals(BasisClass.RECURRING, ChargeBasis.MONTHLY.basisClass());
    assertEquals(BasisClass.ONE_OFF, ChargeBasis.ONE_OFF.basisClass());
    assertEquals(BasisClass.PER_TRANSACTION, ChargeBasis.PER_TRANSACTION.basisClass());
  }
}
