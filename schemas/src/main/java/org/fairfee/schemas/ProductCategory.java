package org.fairfee.schemas;

/** The kind of system the fee is for (contract column product_category). */
public enum ProductCategory {
  EPR, PAS, GP_CLINICAL, LIMS, RIS_PACS, PHARMACY, MATERNITY, SOCIAL_CARE_RECORD, INTEGRATION_ENGINE,
  SHARED_CARE_RECORD, OTHER
}
