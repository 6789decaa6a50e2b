package org.fairfee.jobs.cli;

import org.apache.logging.log4j.LogManager;

/** Turns an exception into one plain line for the terminal, with the full trace in the log. */
final class Failure {
  private Failure() {}

  private static volatile String logFile = org.fairfee.jobs.core.Logs.defaultFile();

  static void logFile(String path) {
    logFile = path;
  }

  /** Logs the full trace; returns the log file's path. */
  static String record(Throwable e) {
    try {
      LogManager.getLogger("fairfee").error("failed", e);
      return logFile;
    } catch (Throwable ignored) {
      return null;
    }
  }

  /** The deepest useful message, on one line: the cause users can act on. */
  static String plain(Throwable e) {
    Throwable t = e;
    String msg = null;
    while (t != null) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        msg = t.getMessage();
        if (t instanceof java.io.IOException || t instanceof IllegalArgumentException
            || t instanceof IllegalStateException) {
          break;
        }
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    if (msg == null) {
      msg = e.getClass().getSimpleName();
    }
    msg = msg.replaceAll("\\s+", " ").trim();
    return msg.length() > 400 ? msg.substring(0, 400) + "..." : msg;
  }
}
