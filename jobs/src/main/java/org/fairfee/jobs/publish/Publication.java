package org.fairfee.jobs.publish;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.PausePoint;

/**
 * The outputs of one month, written into a staging folder and moved into place at the end, so a
 * reader sees the previous publication or the new one, never half of one.
 *
 * <pre>
 *   OUT/.staging-&lt;id&gt;/           being written (run.log is here from the start)
 *   OUT/2026-10/                   the publication, after {@link #commit(String)}
 *   OUT/2026-10.failed/            what a failed run wrote, with its run.log, after {@link #fail(String)}
 * </pre>
 *
 * <p>Replacing a publication takes two renames (old aside, new in). A run killed between them
 * leaves the old one at {@code OUT/.previous-PERIOD-<id>}; {@link #recover} puts it back before the
 * next run starts, so the previous publication is never lost.
 */
public final class Publication {
  private static final String STAGING = ".staging-";
  private static final String PREVIOUS = ".previous-";

  private final Io io;
  private final Path out;
  private final Path staging;

  private Publication(Io io, Path out, Path staging) {
    this.io = io;
    this.out = out;
    this.staging = staging;
  }

  /** Starts a publication under {@code out}; call with the output lock held. */
  public static Publication begin(Io io, Path out) throws IOException {
    recover(io, out);
    Path staging = new Path(out, STAGING + id());
    io.mkdirs(staging);
    return new Publication(io, out, staging);
  }

  private static String id() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Puts back any publication that a killed run moved aside ({@code .previous-PERIOD-id}) and
   * deletes what killed runs left behind (staging folders, old copies). Only under the output lock.
   */
  public static void recover(Io io, Path out) throws IOException {
    for (Path p : io.children(out)) {
      String name = p.getName();
      if (name.startsWith(PREVIOUS) && name.lastIndexOf('-') > PREVIOUS.length()) {
        Path current = new Path(out, name.substring(PREVIOUS.length(), name.lastIndexOf('-')));
        if (!io.exists(current)) {
          io.rename(p, current);
        } else {
          io.deleteRecursively(p);
        }
      } else if (name.startsWith(STAGING)) {
        io.deleteRecursively(p);
      }
    }
  }

  /** The folder being written; file names under it are the publication's. */
  public Path staging() {
    return staging;
  }

  public Path file(String name) {
    if (name.contains("..") || name.startsWith("/")) {
      throw new IllegalArgumentException("output name escapes the publication folder: " + name);
    }
    PausePoint.reach("publish-file:" + name);
    return new Path(staging, name);
  }

  /** Moves the staging folder into place as OUT/PERIOD, replacing an earlier publication. */
  public Path commit(String period) throws IOException {
    Path target = new Path(out, period);
    Path aside = null;
    if (io.exists(target)) {
      aside = new Path(out, PREVIOUS + period + "-" + id());
      io.rename(target, aside);
      PausePoint.reach("publish-swap");
    }
    io.rename(staging, target);
    if (aside != null) {
      io.deleteRecursively(aside);
    }
    io.deleteRecursively(failed(period));
    return target;
  }

  /**
   * Keeps what a failed run wrote, with its log, as OUT/PERIOD.failed (OUT/latest.failed when the
   * month was not known yet); the publication of that month is untouched.
   */
  public Path fail(String period) throws IOException {
    Path failed = failed(period);
    io.deleteRecursively(failed);
    io.rename(staging, failed);
    return failed;
  }

  private Path failed(String period) {
    return new Path(out, (period == null ? "latest" : period) + ".failed");
  }
}
