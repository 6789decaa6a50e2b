package org.fairfee.schemas;

/** The interface standard a charge relates to (contract column interface_standard). */
public enum InterfaceStandard {
  HL7_V2, FHIR_R4, FHIR_UK_CORE, GP_CONNECT, IM1, IHE_XDS, DICOM, MESH, OPENEHR, PROPRIETARY,
  NOT_APPLICABLE;

  /** True for the internationally or nationally recognised standards the charter asks for. */
  public boolean isRecognisedStandard() {
    return this != PROPRIETARY && this != NOT_APPLICABLE;
  }
}
