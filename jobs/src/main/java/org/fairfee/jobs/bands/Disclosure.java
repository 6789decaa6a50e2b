package org.fairfee.jobs.bands;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.fairfee.jobs.core.BandOptions;

/**
 * Disclosure control of benchmark cells, from the number of price points each supplier has in a
 * cell. Plain Java on small maps: band cells are few, so this runs on the driver.
 *
 * <p>Primary rule: a cell is published only with at least {@code minSuppliers} distinct suppliers
 * and no supplier holding more than {@code maxSupplierShare} of its price points (by count).
 *
 * <p>Secondary rule: a published roll-up publishes its mean and count, so the total of its
 * suppressed peer groups can be recovered by subtracting the published ones (mean x n). Under every
 * published roll-up, the suppressed peer groups taken together must therefore pass the primary
 * rule themselves. While they do not, the next smallest published peer group (by n_price_points,
 * then key) is suppressed too, or the roll-up when none is left. A single suppressed peer group
 * always fails alone, so this covers "exactly one suppressed cell"; it also covers two suppressed
 * cells that between them hold one supplier's prices only.
 */
public final class Disclosure {
  private Disclosure() {}

  /** suppressed_reason of a cell where one supplier has more than the allowed share. */
  public static final String DOMINANT_SUPPLIER = "DOMINANT_SUPPLIER";
  /** suppressed_reason of a cell that was suppressed to protect another suppressed cell. */
  public static final String SECONDARY = "SECONDARY";

  /** suppressed_reason of a cell with too few suppliers: FEWER_THAN_5_SUPPLIERS by default. */
  public static String fewerThan(int minSuppliers) {
    return "FEWER_THAN_" + minSuppliers + "_SUPPLIERS";
  }

  /** Whether a cell is published and, when it is not, why. */
  public record Decision(boolean published, String reason) {
    public static final Decision PUBLISHED = new Decision(true, null);

    public Decision {
      if (published == (reason != null)) {
        throw new IllegalArgumentException("a published cell has no reason, a suppressed one has one");
      }
    }

    public static Decision suppressed(String reason) {
      return new Decision(false, reason);
    }
  }

  /** Why a cell with these price points per supplier may not be published; empty when it may. */
  public static Optional<String> primaryReason(Map<String, Long> pointsBySupplier, BandOptions options) {
    return primaryReason(suppliers(pointsBySupplier), largest(pointsBySupplier), points(pointsBySupplier), options);
  }

  /**
   * The primary rule on counts: fewer than minSuppliers suppliers, else a largest supplier above
   * maxSupplierShare of the points. The share is compared exactly (in decimals), so 5 of 20 is
   * exactly 25% and published at the default.
   */
  public static Optional<String> primaryReason(long suppliers, long largest, long points, BandOptions options) {
    if (suppliers < options.minSuppliers()) {
      return Optional.of(fewerThan(options.minSuppliers()));
    }
    BigDecimal allowed = BigDecimal.valueOf(options.maxSupplierShare()).multiply(BigDecimal.valueOf(points));
    if (BigDecimal.valueOf(largest).compareTo(allowed) > 0) {
      return Optional.of(DOMINANT_SUPPLIER);
    }
    return Optional.empty();
  }

  /** Distinct suppliers with at least one price point. */
  public static long suppliers(Map<String, Long> pointsBySupplier) {
    return pointsBySupplier.values().stream().filter(n -> n > 0).count();
  }

  /** All price points. */
  public static long points(Map<String, Long> pointsBySupplier) {
    return pointsBySupplier.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The price points of the supplier with the most. */
  public static long largest(Map<String, Long> pointsBySupplier) {
    return pointsBySupplier.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /** The largest supplier's share of the price points; 0 for an empty cell. */
  public static double maxShare(Map<String, Long> pointsBySupplier) {
    long n = points(pointsBySupplier);
    return n == 0 ? 0.0 : (double) largest(pointsBySupplier) / n;
  }

  /** The peer groups' counts plus, for each category, fee type and basis class, their roll-up (ALL). */
  public static SortedMap<CellKey, Map<String, Long>> withRollUps(Map<CellKey, Map<String, Long>> peerGroups) {
    SortedMap<CellKey, Map<String, Long>> out = new TreeMap<>();
    for (Map.Entry<CellKey, Map<String, Long>> e : peerGroups.entrySet()) {
      if (e.getKey().isRollUp()) {
        throw new IllegalArgumentException("expected peer groups only, got the roll-up " + e.getKey());
      }
      out.put(e.getKey(), new TreeMap<>(e.getValue()));
      merge(out.computeIfAbsent(e.getKey().rollUp(), k -> new TreeMap<>()), e.getValue());
    }
    return out;
  }

  /**
   * Decides every cell: the primary rule on each, then secondary suppression until nothing changes.
   * {@code cells} holds peer groups and their roll-ups (see {@link #withRollUps}), each with its
   * price points per supplier.
   */
  public static SortedMap<CellKey, Decision> decide(Map<CellKey, Map<String, Long>> cells, BandOptions options) {
    SortedMap<CellKey, Decision> d = new TreeMap<>();
    SortedMap<CellKey, List<CellKey>> children = new TreeMap<>();
    for (Map.Entry<CellKey, Map<String, Long>> e : cells.entrySet()) {
      d.put(e.getKey(), primaryReason(e.getValue(), options).map(Decision::suppressed).orElse(Decision.PUBLISHED));
      if (!e.getKey().isRollUp() && cells.containsKey(e.getKey().rollUp())) {
        children.computeIfAbsent(e.getKey().rollUp(), k -> new ArrayList<>()).add(e.getKey());
      }
    }
    Comparator<CellKey> smallestFirst = Comparator.<CellKey>comparingLong(k -> points(cells.get(k)))
        .thenComparing(CellKey.ORDER);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<CellKey, List<CellKey>> group : children.entrySet()) {
        if (!d.get(group.getKey()).published()) {
          continue;
        }
        Map<String, Long> hidden = new TreeMap<>();
        for (CellKey k : group.getValue()) {
          if (!d.get(k).published()) {
            merge(hidden, cells.get(k));
          }
        }
        if (hidden.isEmpty() || primaryReason(hidden, options).isEmpty()) {
          continue;
        }
        CellKey next = group.getValue().stream().filter(k -> d.get(k).published()).min(smallestFirst)
            .orElse(group.getKey());
        d.put(next, Decision.suppressed(SECONDARY));
        changed = true;
      }
    }
    return d;
  }

  private static void merge(Map<String, Long> into, Map<String, Long> counts) {
    counts.forEach((supplier, n) -> into.merge(supplier, n, Long::sum));
  }
}
