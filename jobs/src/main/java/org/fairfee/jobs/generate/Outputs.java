package org.fairfee.jobs.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.fairfee.jobs.core.Io;

/**
 * Creates the many small files of a sample on {@link Io}'s file system. On the local file system
 * it opens them with java.nio directly: Hadoop's local file system sets the permission of every new
 * file by starting a chmod process when it has no native library, a tenth of a second per file,
 * which is minutes for a large sample. Other file systems (hdfs:, s3a:, ...) go through Hadoop.
 */
final class Outputs {
  private Outputs() {}

  static OutputStream create(Io io, Path p) throws IOException {
    FileSystem fs = io.fs(p);
    if (fs instanceof LocalFileSystem) {
      return Files.newOutputStream(java.nio.file.Path.of(fs.makeQualified(p).toUri()));
    }
    return fs.create(p, true);
  }

  static void mkdirs(Io io, Path p) throws IOException {
    FileSystem fs = io.fs(p);
    if (fs instanceof LocalFileSystem) {
      Files.createDirectories(java.nio.file.Path.of(fs.makeQualified(p).toUri()));
    } else if (!fs.mkdirs(p)) {
      throw new IOException("cannot create folder " + p);
    }
  }
}
