package org.fairfee.jobs.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.fairfee.jobs.core.Io;

/**
 * One run at a time per output folder. On a local folder an operating-system lock on
 * {@code OUT/.fairfee.lock}, which the OS releases when the process dies, even by SIGKILL, so a
 * killed run never blocks the next. On other file systems a lock file created exclusively, which a
 * killed run leaves behind: its message says which run holds it and how to clear it.
 */
public final class OutputLock implements AutoCloseable {

  /** Thrown when another run holds the lock; its message is for the user. */
  public static final class HeldException extends IOException {
    public HeldException(String message) {
      super(message);
    }
  }

  private final FileChannel channel;
  private final FileLock lock;
  private final Io io;
  private final Path marker;

  private OutputLock(FileChannel channel, FileLock lock, Io io, Path marker) {
    this.channel = channel;
    this.lock = lock;
    this.io = io;
    this.marker = marker;
  }

  public static OutputLock acquire(Io io, Path out) throws IOException {
    Path file = new Path(out, ".fairfee.lock");
    String who = "pid " + ProcessHandle.current().pid() + " since " + Instant.now();
    if ("file".equals(file.toUri().getScheme())) {
      java.nio.file.Path local = java.nio.file.Path.of(file.toUri());
      FileChannel ch = FileChannel.open(local, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        String holder = new String(Files.readAllBytes(local), StandardCharsets.UTF_8).trim();
        ch.close();
        throw new HeldException("another fairfee run is using " + out.toUri().getPath()
            + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait for it to finish");
      }
      ch.truncate(0);
      ch.write(java.nio.ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
      return new OutputLock(ch, l, io, null);
    }
    FileSystem fs = io.fs(file);
    try (OutputStream o = fs.create(file, false)) {
      o.write(who.getBytes(StandardCharsets.UTF_8));
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      throw new HeldException("another fairfee run is using " + out + " (lock file " + file
          + "); if no run is active, delete that file");
    }
    return new OutputLock(null, null, io, file);
  }

  @Override
  public void close() throws IOException {
    if (lock != null) {
      lock.release();
      channel.close();
    }
    if (marker != null) {
      io.deleteRecursively(marker);
    }
  }
}
