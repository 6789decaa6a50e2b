package org.fairfee.jobs.generate;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the run's seed: one for the market, one per supplier for
 * its contracts, one per supplier and month for its lines. SplitMix64's finaliser mixes the parts,
 * so neighbouring suppliers or months get unrelated streams, and no stream depends on thread timing.
 */
final class Seeds {
  private Seeds() {}

  static final long MARKET = 1;
  static final long CONTRACTS = 2;
  static final long MONTH = 3;
  static final long ROLES = 4;
  static final long GROUPS = 5;

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static SplittableRandom rng(long seed, long stream, long a, long b) {
    long z = mix(seed + 0x9E3779B97F4A7C15L);
    z = mix(z ^ (stream * 0xD1B54A32D192ED03L));
    z = mix(z + a * 0x9E3779B97F4A7C15L);
    z = mix(z ^ (b * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L));
    return new SplittableRandom(z);
  }

  /** exp(sigma x a standard normal draw): multiplicative noise with median 1. */
  static double lognormal(SplittableRandom r, double sigma) {
    return Math.exp(sigma * r.nextGaussian());
  }

  /** Uniform on a log scale between lo and hi. */
  static double logUniform(SplittableRandom r, double lo, double hi) {
    return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  static int pick(SplittableRandom r, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = r.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
