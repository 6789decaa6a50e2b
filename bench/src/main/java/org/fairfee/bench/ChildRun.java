package org.fairfee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process to its end and measures it: wall seconds from start to exit, and peak
 * resident memory, polled from {@code /proc/PID/status} (VmHWM) every 200 ms. The child's output
 * and errors go to a log file. A launcher script that {@code exec}s its JVM (bin/fairfee does) is
 * measured as that JVM, since the pid stays the same.
 */
final class ChildRun {
  private ChildRun() {}

  static final long POLL_MILLIS = 200;

  /** Wall seconds and peak RSS in KiB (0 when /proc gives none, as on a non-Linux system). */
  record Measured(double seconds, long peakRssKib) {}

  /** Runs {@code command}; throws, naming the log, when it exits with a code other than 0. */
  static Measured run(List<String> command, Map<String, String> env, Path log) throws IOException, InterruptedException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    long peak = 0;
    try {
      while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        peak = Math.max(peak, peakRssKib(p.pid()));
      }
    } finally {
      if (p.isAlive()) {
        p.destroy();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (p.exitValue() != 0) {
      throw new IOException("'" + String.join(" ", command) + "' exited with " + p.exitValue() + "; see " + log);
    }
    return new Measured(seconds, peak);
  }

  /** VmHWM of a live process in KiB, or 0 when it has ended or /proc is missing. */
  static long peakRssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // ended between two polls, or no /proc: keep the last reading
    }
    return 0;
  }
}
