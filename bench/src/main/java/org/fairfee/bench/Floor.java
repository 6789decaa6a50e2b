package org.fairfee.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor: the time to read every input byte once, in one thread with a 1 MiB buffer and no
 * parsing. The generator has just written (or the last bench just read) the files, so on a machine
 * with spare memory they come from the page cache: it is the floor of a warm cache, not of a disk.
 */
final class Floor {
  private Floor() {}

  /** Files, bytes and seconds of one read of every *.csv under a folder. */
  record Read(int files, long bytes, double seconds) {}

  static Read read(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p)).sorted().toList();
    }
    byte[] buffer = new byte[1 << 20];
    long bytes = 0;
    long t0 = System.nanoTime();
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          bytes += n;
        }
      }
    }
    return new Read(files.size(), bytes, (System.nanoTime() - t0) / 1e9);
  }
}
