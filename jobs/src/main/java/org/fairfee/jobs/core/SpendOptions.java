package org.fairfee.jobs.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.ProductCategory;

/**
 * Options of {@code fairfee import-spend} and of the duplicate-payment rule (P5_DUPLICATE_PAYMENT),
 * config section {@code spend}.
 *
 * <p>Keyword and supplier tables are matched against text normalised the same way as supplier names
 * (lower case, punctuation and spaces folded, runs of single letters joined: "I.C.T" is "ict",
 * "I M &amp; T" is "imt"); a keyword matches whole words, with or without a plural s.
 *
 * @param duplicateMinGbp two payments are compared only when their amount is at least this
 * @param duplicateWindowDays and only when they were paid at most this many days apart
 * @param feeTypeKeywords keyword in the expense type to fee type; the keyword that appears first in
 *     the text wins (at the same place, the longer one); no keyword gives OTHER
 * @param itKeywords a row whose expense type or area holds one of these is IT-related ({@code --it-only})
 * @param supplierCategories supplier name (or its first words) to product category; a supplier in
 *     this table is IT-related; a supplier not in it gets OTHER
 * @param redactedSupplierNames supplier names that stand for a withheld name (refunds to people,
 *     personal data): quarantined like a blank name, so they never pair up as one "supplier"
 * @param pseudonymKey the HMAC key for supplier and buyer references; the environment variable
 *     FAIRFEE_PSEUDONYM_KEY comes first. Never written out: the effective config shows it hidden
 */
public record SpendOptions(BigDecimal duplicateMinGbp, int duplicateWindowDays,
    Map<String, FeeType> feeTypeKeywords, List<String> itKeywords,
    Map<String, ProductCategory> supplierCategories, List<String> redactedSupplierNames, Key pseudonymKey)
    implements Serializable {

  /** The config section name, {@code "spend"}. */
  public static final String SECTION = "spend";

  public SpendOptions {
    if (duplicateMinGbp == null || duplicateMinGbp.signum() <= 0) {
      throw new IllegalArgumentException("spend.duplicateMinGbp must be greater than 0, was " + duplicateMinGbp);
    }
    if (duplicateWindowDays < 0 || duplicateWindowDays > 366) {
      throw new IllegalArgumentException("spend.duplicateWindowDays must be between 0 and 366, was "
          + duplicateWindowDays);
    }
    feeTypeKeywords = feeTypeKeywords == null ? Map.of() : sorted("spend.feeTypeKeywords", feeTypeKeywords);
    itKeywords = itKeywords == null ? List.of() : nonBlank("spend.itKeywords", itKeywords);
    supplierCategories = supplierCategories == null ? Map.of()
        : sorted("spend.supplierCategories", supplierCategories);
    redactedSupplierNames = redactedSupplierNames == null ? List.of()
        : nonBlank("spend.redactedSupplierNames", redactedSupplierNames);
  }

  public static SpendOptions defaults() {
    return new SpendOptions(new BigDecimal("1000.00"), 7, defaultFeeTypes(), DEFAULT_IT_KEYWORDS,
        defaultSuppliers(), DEFAULT_REDACTED, null);
  }

  /** The same options with another key (the command line resolves the key before converting). */
  public SpendOptions withKey(String key) {
    return new SpendOptions(duplicateMinGbp, duplicateWindowDays, feeTypeKeywords, itKeywords,
        supplierCategories, redactedSupplierNames, key == null ? null : new Key(key));
  }

  /** The key's text, or null when the config sets none. */
  public String keyText() {
    return pseudonymKey == null ? null : pseudonymKey.value();
  }

  /**
   * A secret that is read from the config but never shown: JSON output, toString and logs say
   * {@code "(hidden)"}. Serializable so options can travel to executors.
   */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String HIDDEN = "(hidden)";
    private final String value;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Key(String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("spend.pseudonymKey must not be empty");
      }
      if (HIDDEN.equals(value)) {
        throw new IllegalArgumentException("spend.pseudonymKey is the placeholder " + HIDDEN
            + " copied from a manifest; give the real key (or use FAIRFEE_PSEUDONYM_KEY)");
      }
      this.value = value;
    }

    public String value() {
      return value;
    }

    @JsonValue
    String shown() {
      return HIDDEN;
    }

    @Override
    public String toString() {
      return HIDDEN;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.value.equals(value);
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }
  }

  /**
   * The {@code spend} section of a config file laid over the defaults, for commands that read only
   * this section ({@code import-spend}); other sections are left to the commands that use them. A
   * key of the section that is not known is an error naming it; a table given replaces the default
   * table whole.
   */
  public static SpendOptions fromConfig(String json) {
    return Options.fromJson(json).spend();
  }

  private static <V> Map<String, V> sorted(String name, Map<String, V> table) {
    Map<String, V> out = new TreeMap<>();
    table.forEach((k, v) -> {
      if (k == null || k.isBlank() || v == null) {
        throw new IllegalArgumentException(name + " has an empty key or value");
      }
      out.put(k, v);
    });
    return java.util.Collections.unmodifiableMap(out);
  }

  private static List<String> nonBlank(String name, List<String> values) {
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException(name + " holds an empty entry");
      }
    }
    return List.copyOf(values);
  }

  private static Map<String, FeeType> defaultFeeTypes() {
    Map<String, FeeType> m = new LinkedHashMap<>();
    m.put("licence", FeeType.LICENCE);
    m.put("license", FeeType.LICENCE);
    m.put("subscription", FeeType.LICENCE);
    m.put("maintenance", FeeType.SUPPORT);
    m.put("support", FeeType.SUPPORT);
    m.put("implementation", FeeType.IMPLEMENTATION);
    m.put("development", FeeType.DEVELOPMENT);
    return m;
  }

  private static final List<String> DEFAULT_IT_KEYWORDS = List.of(
      "software", "licence", "license", "ict", "it", "imt", "im and t", "computer", "computing", "hardware",
      "pacs", "pas", "epr", "informatics", "digital", "network", "server", "telecom", "telephony", "data",
      "microsoft", "cyber");

  private static final List<String> DEFAULT_REDACTED = List.of(
      "redacted", "redacted personal data", "personal data", "personal data redacted", "withheld",
      "name withheld", "private individual", "individual", "various", "not disclosed");

  /**
   * Suppliers of clinical and IT systems to the NHS, by the first words of their normalised name. A
   * starting point for a commercial team to extend, not a register: medical-equipment makers are
   * left out on purpose, because their payments are mostly for equipment.
   */
  private static Map<String, ProductCategory> defaultSuppliers() {
    Map<String, ProductCategory> m = new LinkedHashMap<>();
    m.put("sectra", ProductCategory.RIS_PACS);
    m.put("soliton it", ProductCategory.RIS_PACS);
    m.put("agfa healthcare", ProductCategory.RIS_PACS);
    m.put("insignia medical systems", ProductCategory.RIS_PACS);
    m.put("emis", ProductCategory.GP_CLINICAL);
    m.put("the phoenix partnership", ProductCategory.GP_CLINICAL);
    m.put("tpp", ProductCategory.GP_CLINICAL);
    m.put("cerner", ProductCategory.EPR);
    m.put("epic systems", ProductCategory.EPR);
    m.put("system c healthcare", ProductCategory.EPR);
    m.put("dedalus", ProductCategory.EPR);
    m.put("allscripts", ProductCategory.EPR);
    m.put("altera digital health", ProductCategory.EPR);
    m.put("meditech", ProductCategory.EPR);
    m.put("nervecentre", ProductCategory.EPR);
    m.put("silverlink software", ProductCategory.PAS);
    m.put("clinisys", ProductCategory.LIMS);
    m.put("jac computer services", ProductCategory.PHARMACY);
    m.put("ascribe", ProductCategory.PHARMACY);
    m.put("euroking", ProductCategory.MATERNITY);
    m.put("k2 medical systems", ProductCategory.MATERNITY);
    m.put("liquidlogic", ProductCategory.SOCIAL_CARE_RECORD);
    m.put("intersystems", ProductCategory.INTEGRATION_ENGINE);
    m.put("orion health", ProductCategory.INTEGRATION_ENGINE);
    m.put("lyniate", ProductCategory.INTEGRATION_ENGINE);
    m.put("rhapsody health", ProductCategory.INTEGRATION_ENGINE);
    for (String it : List.of("softcat", "phoenix software", "insight direct", "computacenter",
        "specialist computer centres", "cdw", "bytes software services", "trustmarque", "xma", "dell",
        "hewlett packard", "microsoft", "oracle corporation", "cisco", "bt global services",
        "british telecommunications", "virgin media", "vodafone", "daisy corporate services", "atos it",
        "cgi it", "nuance communications", "advanced business software", "advanced health and care",
        "civica", "northgate public services", "idox", "datix", "topdesk", "cisilion", "made tech",
        "change healthcare", "healthcare clinical informatics")) {
      m.put(it, ProductCategory.OTHER);
    }
    return m;
  }

  /** Table sizes rather than contents, and never the key. */
  @Override
  public String toString() {
    return "SpendOptions[duplicateMinGbp=" + duplicateMinGbp + ", duplicateWindowDays=" + duplicateWindowDays
        + ", feeTypeKeywords=" + feeTypeKeywords.size() + " keywords, itKeywords=" + itKeywords.size()
        + ", supplierCategories=" + supplierCategories.size() + " suppliers, redactedSupplierNames="
        + redactedSupplierNames.size() + ", pseudonymKey=" + (pseudonymKey == null ? "none" : Key.HIDDEN) + "]";
  }
}
