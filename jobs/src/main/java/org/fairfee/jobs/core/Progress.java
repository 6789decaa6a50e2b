package org.fairfee.jobs.core;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Progress lines on the terminal (stderr), each with the time since the run started; also logged. */
public final class Progress {
  private final PrintStream out;
  private final long start = System.nanoTime();
  private final boolean quiet;

  public Progress(PrintStream out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  public static Progress silent() {
    return new Progress(System.err, true);
  }

  public double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  public void step(String format, Object... args) {
    String msg = String.format(Locale.ROOT, format, args);
    String line = String.format(Locale.ROOT, "[%6.1fs] %s", elapsedSeconds(), msg);
    log().info(msg);
    if (!quiet) {
      out.println(line);
      out.flush();
    }
  }

  private static Logger log() {
    return LogManager.getLogger("fairfee");
  }

  /** 12345678 as "12,345,678". */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A byte count in the unit that reads best. */
  public static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    if (n < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GiB", n / (1024.0 * 1024 * 1024));
  }
}
