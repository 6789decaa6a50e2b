package org.fairfee.jobs.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small, strict command-line parser: {@code --name value}, {@code --name=value} and
 * {@code --flag}; anything not declared is an error that names it.
 */
public final class Args {

  /** One declared option. */
  public record Opt(String name, String valueName, String help) {
    boolean takesValue() {
      return valueName != null;
    }
  }

  private final String command;
  private final Map<String, Opt> declared = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  public Args(String command, List<Opt> options) {
    this.command = command;
    for (Opt o : options) {
      declared.put(o.name(), o);
    }
  }

  public static Opt value(String name, String valueName, String help) {
    return new Opt(name, valueName, help);
  }

  public static Opt flag(String name, String help) {
    return new Opt(name, null, help);
  }

  /** Parses; returns false when --help was asked for. */
  public boolean parse(String[] argv, int from, boolean allowPositional) {
    for (int i = from; i < argv.length; i++) {
      String a = argv[i];
      if (a.equals("--help") || a.equals("-h")) {
        return false;
      }
      if (a.startsWith("--")) {
        String name = a.substring(2);
        String value = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        Opt o = declared.get(name);
        if (o == null) {
          throw new UsageException(command, "unknown option --" + name + " for '" + command + "'");
        }
        if (o.takesValue()) {
          if (value == null) {
            if (i + 1 >= argv.length || argv[i + 1].startsWith("--")) {
              throw new UsageException(command, "--" + name + " needs a value (" + o.valueName() + ")");
            }
            value = argv[++i];
          }
          if (values.containsKey(name)) {
            throw new UsageException(command, "--" + name + " is given twice");
          }
          values.put(name, value);
        } else {
          if (value != null) {
            throw new UsageException(command, "--" + name + " takes no value");
          }
          values.put(name, "true");
        }
      } else if (allowPositional) {
        positional.add(a);
      } else {
        throw new UsageException(command, "unexpected argument '" + a + "' for '" + command + "'");
      }
    }
    return true;
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public String require(String name) {
    String v = values.get(name);
    if (v == null || v.isBlank()) {
      Opt o = declared.get(name);
      throw new UsageException(command, "--" + name + " " + (o == null ? "" : o.valueName()) + " is required");
    }
    return v;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public long longValue(String name, long dflt, long min) {
    String v = values.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.replace("_", ""));
      if (n < min) {
        throw new UsageException(command, "--" + name + " must be at least " + min + ", was " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(command, "--" + name + " must be a whole number, was '" + v + "'");
    }
  }

  public List<String> positional() {
    return positional;
  }

  /** The option list for --help. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Opt o : declared.values()) {
      String left = "  --" + o.name() + (o.takesValue() ? " " + o.valueName() : "");
      sb.append(String.format(java.util.Locale.ROOT, "%-28s %s%n", left, o.help()));
    }
    sb.append(String.format(java.util.Locale.ROOT, "%-28s %s%n", "  --help", "show this help"));
    return sb.toString();
  }
}
