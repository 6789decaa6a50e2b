package org.fairfee.schemas;

/** The kind of NHS or social-care organisation that was charged (contract column buyer_type). */
public enum BuyerType {
  ACUTE_TRUST, MENTAL_HEALTH_TRUST, COMMUNITY_TRUST, AMBULANCE_TRUST, ICB, GP_PRACTICE, PCN,
  LOCAL_AUTHORITY, CARE_PROVIDER, OTHER
}
