package org.fairfee.jobs.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.jobs.core.Options;
import org.junit.jupiter.api.Test;

/** The flag rules' options: defaults in one place, bad values refused with the key's name. */
class FlagOptionsTest {

  @Test
  void defaults() {
    assertEquals(new FlagOptions(60, 2, 60), FlagOptions.defaults());
    assertEquals(new FlagOptions(60, 2, 60), new FlagOptions(60, 2), "two options keep the default likely window");
    assertEquals(FlagOptions.defaults(), Options.defaults().flags());
  }

  @Test
  void aConfigFileSetsTheKey() {
    assertEquals(new FlagOptions(60, 3), Options.fromJson("{\"flags\": {\"nonStandardMinSuppliers\": 3}}").flags());
    assertEquals(new FlagOptions(60, 2, 30),
        Options.fromJson("{\"flags\": {\"likelyDuplicateWindowDays\": 30}}").flags());
  }

  @Test
  void badValuesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FlagOptions(60, 0));
    assertEquals("flags.nonStandardMinSuppliers must be at least 1, was 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new FlagOptions(-1, 2));
    e = assertThrows(IllegalArgumentException.class, () -> new FlagOptions(60, 2, 3661));
    assertEquals("flags.likelyDuplicateWindowDays must be between 0 and 3660, was 3661", e.getMessage());
  }
}
