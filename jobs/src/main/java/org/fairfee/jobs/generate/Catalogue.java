package org.fairfee.jobs.generate;

import static org.fairfee.schemas.BuyerType.ACUTE_TRUST;
import static org.fairfee.schemas.BuyerType.AMBULANCE_TRUST;
import static org.fairfee.schemas.BuyerType.CARE_PROVIDER;
import static org.fairfee.schemas.BuyerType.COMMUNITY_TRUST;
import static org.fairfee.schemas.BuyerType.GP_PRACTICE;
import static org.fairfee.schemas.BuyerType.ICB;
import static org.fairfee.schemas.BuyerType.LOCAL_AUTHORITY;
import static org.fairfee.schemas.BuyerType.MENTAL_HEALTH_TRUST;
import static org.fairfee.schemas.BuyerType.PCN;
import static org.fairfee.schemas.InterfaceStandard.DICOM;
import static org.fairfee.schemas.InterfaceStandard.FHIR_R4;
import static org.fairfee.schemas.InterfaceStandard.FHIR_UK_CORE;
import static org.fairfee.schemas.InterfaceStandard.GP_CONNECT;
import static org.fairfee.schemas.InterfaceStandard.HL7_V2;
import static org.fairfee.schemas.InterfaceStandard.IHE_XDS;
import static org.fairfee.schemas.InterfaceStandard.IM1;
import static org.fairfee.schemas.InterfaceStandard.MESH;
import static org.fairfee.schemas.InterfaceStandard.NOT_APPLICABLE;
import static org.fairfee.schemas.InterfaceStandard.OPENEHR;
import static org.fairfee.schemas.InterfaceStandard.PROPRIETARY;

import java.util.EnumMap;
import java.util.Map;
import org.fairfee.schemas.BuyerType;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.InterfaceStandard;
import org.fairfee.schemas.ProductCategory;

/**
 * The market the generator draws from: who buys what, on which standards, at roughly what price.
 * The numbers are plausible orders of magnitude for NHS interface and licence fees, not real prices.
 */
final class Catalogue {
  private Catalogue() {}

  /** Price grows with size, less than proportionally: (size / typical size of the type) ^ this. */
  static final double SIZE_EXPONENT = 0.4;

  /**
   * A kind of buyer: how its size is measured and spread, how many exist in England (a cap), and
   * its share of the buyers drawn below the caps.
   */
  record BuyerSpec(BuyerType type, String prefix, long lo, long hi, long roundTo, int cap, double share) {
    boolean sized() {
      return lo > 0;
    }

    double typical() {
      return Math.sqrt((double) lo * hi);
    }
  }

  static final BuyerSpec[] BUYERS = {
      new BuyerSpec(ACUTE_TRUST, "AT", 2_000, 20_000, 10, 140, 0.09),
      new BuyerSpec(MENTAL_HEALTH_TRUST, "MH", 1_000, 8_000, 10, 50, 0.04),
      new BuyerSpec(COMMUNITY_TRUST, "CT", 800, 6_000, 10, 30, 0.03),
      new BuyerSpec(AMBULANCE_TRUST, "AMB", 1_500, 7_000, 10, 11, 0.015),
      new BuyerSpec(ICB, "ICB", 250_000, 2_500_000, 1_000, 42, 0.03),
      new BuyerSpec(GP_PRACTICE, "GP", 2_000, 30_000, 1, 6_300, 0.35),
      new BuyerSpec(PCN, "PCN", 30_000, 150_000, 1, 1_250, 0.10),
      new BuyerSpec(LOCAL_AUTHORITY, "LA", 80_000, 1_500_000, 1_000, 153, 0.06),
      new BuyerSpec(CARE_PROVIDER, "CP", 10, 250, 1, 15_000, 0.26),
      new BuyerSpec(BuyerType.OTHER, "ORG", 0, 0, 1, 500, 0.045)};

  static BuyerSpec buyer(BuyerType t) {
    for (BuyerSpec b : BUYERS) {
      if (b.type() == t) {
        return b;
      }
    }
    throw new IllegalArgumentException("no buyer spec for " + t);
  }

  /**
   * A product category: how often suppliers sell it, the yearly licence of one interface for a
   * buyer of typical size, who buys it, its standards (by how common they are) and interface names.
   */
  record CategorySpec(ProductCategory category, double popularity, double annualLicence, BuyerType[] buyers,
      double[] buyerWeights, InterfaceStandard[] standards, double[] standardWeights, String[] names) {}

  static final CategorySpec[] CATEGORIES = {
      new CategorySpec(ProductCategory.EPR, 0.16, 24_000,
          new BuyerType[] {ACUTE_TRUST, MENTAL_HEALTH_TRUST, COMMUNITY_TRUST}, new double[] {0.6, 0.25, 0.15},
          new InterfaceStandard[] {HL7_V2, FHIR_UK_CORE, PROPRIETARY}, new double[] {0.5, 0.35, 0.15},
          new String[] {"ADT feed", "Results (ORU)", "Orders (ORM)", "Clinical documents", "Bed state",
              "Discharge summary", "Demographics (PDS)", "Scheduling"}),
      new CategorySpec(ProductCategory.PAS, 0.08, 15_000,
          new BuyerType[] {ACUTE_TRUST, MENTAL_HEALTH_TRUST, COMMUNITY_TRUST}, new double[] {0.6, 0.2, 0.2},
          new InterfaceStandard[] {HL7_V2, FHIR_R4, PROPRIETARY}, new double[] {0.6, 0.28, 0.12},
          new String[] {"ADT feed", "Referrals (e-RS)", "Appointments", "Waiting list extract"}),
      new CategorySpec(ProductCategory.GP_CLINICAL, 0.14, 1_800,
          new BuyerType[] {GP_PRACTICE, PCN}, new double[] {0.85, 0.15},
          new InterfaceStandard[] {GP_CONNECT, IM1, PROPRIETARY}, new double[] {0.5, 0.42, 0.08},
          new String[] {"Appointments", "Access Record", "Patient-facing services", "Bulk extract",
              "Document transfer"}),
      new CategorySpec(ProductCategory.LIMS, 0.08, 12_000,
          new BuyerType[] {ACUTE_TRUST}, new double[] {1},
          new InterfaceStandard[] {HL7_V2, FHIR_UK_CORE}, new double[] {0.7, 0.3},
          new String[] {"Orders (OML)", "Results (ORU)", "Pathology messaging", "Blood bank"}),
      new CategorySpec(ProductCategory.RIS_PACS, 0.10, 16_000,
          new BuyerType[] {ACUTE_TRUST, COMMUNITY_TRUST}, new double[] {0.85, 0.15},
          new InterfaceStandard[] {DICOM, HL7_V2, IHE_XDS}, new double[] {0.6, 0.3, 0.1},
          new String[] {"Modality worklist", "Image sharing", "Reporting", "Image exchange portal"}),
      new CategorySpec(ProductCategory.PHARMACY, 0.08, 8_000,
          new BuyerType[] {ACUTE_TRUST, MENTAL_HEALTH_TRUST}, new double[] {0.7, 0.3},
          new InterfaceStandard[] {HL7_V2, FHIR_UK_CORE, PROPRIETARY}, new double[] {0.5, 0.32, 0.18},
          new String[] {"Prescribing", "Dispensing", "Stock control", "Medicines reconciliation"}),
      new CategorySpec(ProductCategory.MATERNITY, 0.05, 9_000,
          new BuyerType[] {ACUTE_TRUST}, new double[] {1},
          new InterfaceStandard[] {FHIR_UK_CORE, HL7_V2, PROPRIETARY}, new double[] {0.5, 0.32, 0.18},
          new String[] {"Maternity record", "Birth notification", "Child health"}),
      new CategorySpec(ProductCategory.SOCIAL_CARE_RECORD, 0.09, 10_000,
          new BuyerType[] {LOCAL_AUTHORITY, CARE_PROVIDER}, new double[] {0.45, 0.55},
          new InterfaceStandard[] {FHIR_UK_CORE, PROPRIETARY, MESH}, new double[] {0.45, 0.35, 0.2},
          new String[] {"Care record", "Hospital discharge", "Assessments", "Provider portal"}),
      new CategorySpec(ProductCategory.INTEGRATION_ENGINE, 0.12, 14_000,
          new BuyerType[] {ACUTE_TRUST, MENTAL_HEALTH_TRUST, COMMUNITY_TRUST, AMBULANCE_TRUST, ICB, BuyerType.OTHER},
          new double[] {0.45, 0.15, 0.1, 0.1, 0.2, 0.06},
          new InterfaceStandard[] {HL7_V2, MESH, FHIR_R4}, new double[] {0.45, 0.3, 0.25},
          new String[] {"Message routing", "MESH mailbox", "Spine connector", "FHIR gateway"}),
      new CategorySpec(ProductCategory.SHARED_CARE_RECORD, 0.06, 20_000,
          new BuyerType[] {ICB, LOCAL_AUTHORITY, BuyerType.OTHER}, new double[] {0.6, 0.4, 0.05},
          new InterfaceStandard[] {FHIR_UK_CORE, IHE_XDS, OPENEHR}, new double[] {0.5, 0.3, 0.2},
          new String[] {"Shared record viewer", "Care plans", "Data feed"}),
      new CategorySpec(ProductCategory.OTHER, 0.04, 4_000,
          new BuyerType[] {BuyerType.OTHER, CARE_PROVIDER, GP_PRACTICE}, new double[] {0.5, 0.3, 0.2},
          new InterfaceStandard[] {PROPRIETARY, NOT_APPLICABLE, FHIR_R4}, new double[] {0.5, 0.3, 0.2},
          new String[] {"Portal", "Data extract", "Reporting"})};

  static CategorySpec category(ProductCategory c) {
    return CATEGORY_BY_ENUM.get(c);
  }

  private static final Map<ProductCategory, CategorySpec> CATEGORY_BY_ENUM = new EnumMap<>(ProductCategory.class);

  static {
    for (CategorySpec c : CATEGORIES) {
      CATEGORY_BY_ENUM.put(c.category(), c);
    }
  }

  /** Price relative to a typical standard: proprietary interfaces cost more, MESH mailboxes less. */
  static double standardFactor(InterfaceStandard s) {
    return switch (s) {
      case HL7_V2 -> 0.9;
      case FHIR_R4 -> 1.05;
      case FHIR_UK_CORE, IM1, DICOM, OPENEHR -> 1.0;
      case GP_CONNECT -> 0.8;
      case IHE_XDS -> 1.1;
      case MESH -> 0.6;
      case PROPRIETARY -> 1.35;
      case NOT_APPLICABLE -> 0.8;
    };
  }

  /**
   * Price of a fee type relative to the yearly licence: a yearly amount for recurring fees, the
   * amount for one-off fees; for TRANSACTION the unit price is the licence / 200,000.
   */
  static double feeFactor(FeeType f) {
    return switch (f) {
      case LICENCE -> 1.0;
      case SUPPORT -> 0.22;
      case IMPLEMENTATION -> 0.9;
      case DEVELOPMENT -> 1.6;
      case SPECIFICATION_ACCESS -> 0.12;
      case COOPERATION -> 0.35;
      case TRANSACTION -> 1.0 / 200_000;
      case OTHER -> 0.1;
    };
  }

  static final String[] SUPPORT_TIERS = {"Bronze", "Silver", "Gold", "Platinum"};

  static String standardLabel(InterfaceStandard s) {
    return switch (s) {
      case HL7_V2 -> "HL7 v2";
      case FHIR_R4 -> "FHIR R4";
      case FHIR_UK_CORE -> "FHIR UK Core";
      case GP_CONNECT -> "GP Connect";
      case IM1 -> "IM1";
      case IHE_XDS -> "IHE XDS";
      case DICOM -> "DICOM";
      case MESH -> "MESH";
      case OPENEHR -> "openEHR";
      case PROPRIETARY -> "proprietary API";
      case NOT_APPLICABLE -> "n/a";
    };
  }
}
