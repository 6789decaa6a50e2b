package org.fairfee.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The bench's command line: {@code --name value} or {@code --name=value}; anything else is an error. */
final class BenchArgs {
  private BenchArgs() {}

  static final String USAGE = """
      Usage: fairfee bench --rows N [--seed N] [--data DIR] [--results FILE]

      Measures fairfee cold and warm and a DuckDB reference on the same generated files and prints
      the table; appends it to bench/results/bench.csv.

      Options:
        --rows N        about how many charge lines to generate (cached under --data); required
        --seed N        generator seed (default 1)
        --data DIR      where generated data and run outputs go (default bench/data, git-ignored)
        --results FILE  the CSV the result row is appended to (default bench/results/bench.csv)
      Environment: FAIRFEE_HEAP, the heap of the fairfee runs (default 4g).
      """;

  private static final Set<String> NAMES = Set.of("rows", "seed", "data", "results");

  /** name to value; "help" when --help or -h was given. */
  static Map<String, String> parse(String[] argv) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.equals("--help") || a.equals("-h")) {
        values.put("help", "");
        return values;
      }
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + a + "'");
      }
      String name = a.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < argv.length) {
        value = argv[++i];
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      values.put(name, value);
    }
    if (!values.containsKey("rows")) {
      throw new IllegalArgumentException("--rows is required");
    }
    return values;
  }

  /** A whole number option (underscores allowed), or the default when absent (-1: required). */
  static long number(Map<String, String> values, String name, long defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      long n = Long.parseLong(v.replace("_", ""));
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a positive whole number, was '" + v + "'");
    }
  }
}
