package org.fairfee.reports;

import org.fairfee.reports.model.BenchmarkBand;

/**
 * The codes of the contract in words for people. An unknown code is shown as it is (escaped by the
 * caller), so a new enum value never breaks a report.
 */
public final class Words {
  private Words() {}

  /** The unit of a size measure in "£x per ...": staff, registered patient, resident, bed. */
  public static String sizeUnit(String measure) {
    return switch (measure) {
      case "registered_patients" -> "registered patient";
      case "population" -> "resident";
      case "beds" -> "bed";
      default -> measure.replace('_', ' ');
    };
  }

  public static String category(String code) {
    return switch (code) {
      case "EPR" -> "Electronic patient record (EPR)";
      case "PAS" -> "Patient administration system (PAS)";
      case "GP_CLINICAL" -> "GP clinical system";
      case "LIMS" -> "Laboratory information system (LIMS)";
      case "RIS_PACS" -> "Radiology (RIS/PACS)";
      case "PHARMACY" -> "Pharmacy";
      case "MATERNITY" -> "Maternity";
      case "SOCIAL_CARE_RECORD" -> "Social care record";
      case "INTEGRATION_ENGINE" -> "Integration engine";
      case "SHARED_CARE_RECORD" -> "Shared care record";
      case "OTHER" -> "Other systems";
      default -> code;
    };
  }

  public static String standard(String code) {
    return switch (code) {
      case BenchmarkBand.ALL_STANDARDS -> "All standards";
      case "HL7_V2" -> "HL7 v2";
      case "FHIR_R4" -> "FHIR R4";
      case "FHIR_UK_CORE" -> "FHIR UK Core";
      case "GP_CONNECT" -> "GP Connect";
      case "IM1" -> "IM1";
      case "IHE_XDS" -> "IHE XDS";
      case "DICOM" -> "DICOM";
      case "MESH" -> "MESH";
      case "OPENEHR" -> "openEHR";
      case "PROPRIETARY" -> "Proprietary";
      case "NOT_APPLICABLE" -> "No interface standard";
      default -> code;
    };
  }

  public static String feeType(String code) {
    return switch (code) {
      case "LICENCE" -> "Licence";
      case "IMPLEMENTATION" -> "Implementation";
      case "SUPPORT" -> "Support";
      case "DEVELOPMENT" -> "Development";
      case "SPECIFICATION_ACCESS" -> "Specification access";
      case "COOPERATION" -> "Co-operation";
      case "TRANSACTION" -> "Transaction";
      case "OTHER" -> "Other fee";
      default -> code;
    };
  }

  /** The basis class as the unit its prices are in. */
  public static String basisUnit(String code) {
    return switch (code) {
      case "ONE_OFF" -> "one-off";
      case "RECURRING" -> "a year";
      case "PER_TRANSACTION" -> "per transaction";
      default -> code;
    };
  }

  /** The basis class as a heading for its prices. */
  public static String basisHeading(String code) {
    return switch (code) {
      case "ONE_OFF" -> "One-off fees";
      case "RECURRING" -> "Recurring fees, annualised";
      case "PER_TRANSACTION" -> "Per-transaction fees, unit price";
      default -> code;
    };
  }

  /** Why a cell is suppressed, in words; the jobs give a code such as FEWER_THAN_5_SUPPLIERS. */
  public static String suppressed(String reason) {
    if (reason == null || reason.isBlank()) {
      return "suppressed";
    }
    String words = switch (reason) {
      case "DOMINANT_SUPPLIER" -> "one supplier holds too large a share of the price points";
      case "SECONDARY", "SECONDARY_SUPPRESSION" -> "suppressed so that another suppressed cell cannot be worked out";
      default -> reason.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    };
    return "suppressed: " + words;
  }
}
