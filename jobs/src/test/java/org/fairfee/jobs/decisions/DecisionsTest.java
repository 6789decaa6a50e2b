package org.fairfee.jobs.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairfee.schemas.Decision;
import org.junit.jupiter.api.Test;

/** Decisions files: each row accepted or rejected with its line and reason, one case per line. */
class DecisionsTest {

  static final String HEADER = "flag_id,decision,recovered_gbp,decided_on,note\n";

  @Test
  void readsTheThreeDecisionsWithHeaderInAnyOrderAndCase() {
    Decisions.Read r = Decisions.parse("d.csv", "\uFEFFNote, Decided_On ,FLAG_ID,decision,recovered_gbp\r\n"
        + "checked with the trust,2026-10-03,F-1,DISMISSED,\r\n"
        + ",2026-10-04,F-2,confirmed,\r\n"
        + "\"credit note\nC-9 received\",2026-10-05,F-3,RECOVERED,1250.5\r\n");
    assertEquals(List.of(), r.rejected());
    assertEquals(3, r.accepted().size());
    Decisions.Entry dismissed = r.accepted().get(0);
    assertEquals("F-1", dismissed.flagId());
    assertEquals(Decision.DISMISSED, dismissed.decision());
    assertEquals(LocalDate.of(2026, 10, 3), dismissed.decidedOn());
    assertEquals("checked with the trust", dismissed.note());
    assertEquals(2, dismissed.line());
    assertEquals(Decision.CONFIRMED, r.accepted().get(1).decision());
    assertNull(r.accepted().get(1).note());
    Decisions.Entry recovered = r.accepted().get(2);
    assertEquals(new BigDecimal("1250.50"), recovered.recoveredGbp());
    assertEquals(4, recovered.line());
  }

  @Test
  void recoveredGbpAndNoteColumnsMayBeLeftOut() {
    Decisions.Read r = Decisions.parse("d.csv", "flag_id,decision,decided_on\nF-1,DISMISSED,2026-10-03\n");
    assertEquals(1, r.accepted().size());
    assertEquals(List.of(), r.rejected());
  }

  @Test
  void everyBadRowIsRejectedWithItsLineAndReasonAndTheRestAreKept() {
    Decisions.Read r = Decisions.parse("team/oct.csv", HEADER
        + "F-1,DISMISSED,,2026-10-03,fine\n"              // 2 ok
        + "F-2,MAYBE,,2026-10-03,\n"                     // 3
        + "F-3,RECOVERED,,2026-10-03,\n"                 // 4
        + "F-4,RECOVERED,-5.00,2026-10-03,\n"            // 5
        + "F-5,RECOVERED,0,2026-10-03,\n"                // 6
        + "F-6,RECOVERED,12.345,2026-10-03,\n"           // 7
        + "F-7,RECOVERED,lots,2026-10-03,\n"             // 8
        + "F-8,CONFIRMED,,3 Oct 2026,\n"                 // 9
        + "F-9,DISMISSED,10.00,2026-10-03,\n"            // 10
        + ",CONFIRMED,,2026-10-03,\n"                    // 11
        + "F-10,CONFIRMED,,2026-10-03\n"                 // 12
        + "\n"                                           // 13 blank: not a row
        + "F-11,RECOVERED,99.99,2026-10-03,\n");         // 14 ok
    assertEquals(List.of("F-1", "F-11"), r.accepted().stream().map(Decisions.Entry::flagId).toList());
    List<String> got = new ArrayList<>();
    for (Decisions.Rejected x : r.rejected()) {
      assertEquals("team/oct.csv", x.file());
      got.add(x.line() + ": " + x.reason());
    }
    assertEquals(List.of(
        "3: decision 'MAYBE' is not one of CONFIRMED, DISMISSED, RECOVERED",
        "4: recovered_gbp is required for RECOVERED (the pounds that came back)",
        "5: recovered_gbp must be above 0 for RECOVERED, was -5.00",
        "6: recovered_gbp must be above 0 for RECOVERED, was 0",
        "7: recovered_gbp 12.345 has more than 2 decimals",
        "8: recovered_gbp 'lots' is not an amount (for example 1250.00)",
        "9: decided_on '3 Oct 2026' is not a date (YYYY-MM-DD)",
        "10: recovered_gbp is given for DISMISSED; it goes with RECOVERED only",
        "11: flag_id is empty",
        "12: the row has 4 fields, the header 5"), got);
  }

  @Test
  void aFileWithoutARequiredColumnIsRejectedWholeOnItsHeaderLine() {
    Decisions.Read r = Decisions.parse("d.csv", "flag_id,decision\nF-1,DISMISSED\n");
    assertEquals(List.of(), r.accepted());
    assertEquals(1, r.rejected().size());
    assertEquals(1, r.rejected().get(0).line());
    assertTrue(r.rejected().get(0).reason().startsWith("the header has no column decided_on"), r.rejected().toString());
    assertEquals(1, Decisions.parse("e.csv", "").rejected().size(), "an empty file is named too");
  }

  @Test
  void theLatestDecisionWinsThenTheLaterInFileOrder() {
    Decisions.Read r = Decisions.parse("d.csv", HEADER
        + "F-1,CONFIRMED,,2026-10-10,\n"
        + "F-1,DISMISSED,,2026-10-02,\"earlier, so it loses\"\n"
        + "F-2,CONFIRMED,,2026-10-05,\n"
        + "F-2,RECOVERED,300.00,2026-10-05,same day and later in the file: wins\n");
    Map<String, Decisions.Entry> inForce = Decisions.inForce(r.accepted());
    assertEquals(Decision.CONFIRMED, inForce.get("F-1").decision());
    assertEquals(Decision.RECOVERED, inForce.get("F-2").decision());
    assertEquals(new BigDecimal("300.00"), inForce.get("F-2").recoveredGbp());
  }
}
