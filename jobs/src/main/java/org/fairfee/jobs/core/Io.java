package org.fairfee.jobs.core;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * File access through Hadoop's FileSystem, so every data path may be a {@code file:}, {@code hdfs:}
 * or {@code s3a:} URI; a plain path means the local file system. Serializable: executors rebuild
 * the same Hadoop configuration from the settings the driver had.
 */
public final class Io implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> settings;
  private transient Configuration conf;

  private Io(Map<String, String> settings) {
    this.settings = settings;
  }

  /** Io with the settings of {@code conf} (the SparkContext's Hadoop configuration, usually). */
  public static Io of(Configuration conf) {
    Map<String, String> settings = new HashMap<>();
    for (Map.Entry<String, String> e : conf) {
      settings.put(e.getKey(), e.getValue());
    }
    Io io = new Io(settings);
    io.conf = conf;
    return io;
  }

  /**
   * Io for work done before Spark starts (the output lock, the publication) and for commands that
   * run without Spark: Hadoop's default configuration plus every {@code spark.hadoop.*} setting
   * given as a system property (spark-submit passes {@code --conf} and spark-defaults.conf that
   * way), so an {@code s3a:} output is reached with the same settings as Spark's own reads and writes.
   */
  public static Io local() {
    Configuration c = new Configuration();
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith(SPARK_HADOOP) && key.length() > SPARK_HADOOP.length()) {
        c.set(key.substring(SPARK_HADOOP.length()), System.getProperty(key));
      }
    }
    return of(c);
  }

  private static final String SPARK_HADOOP = "spark.hadoop.";

  public Configuration conf() {
    if (conf == null) {
      Configuration c = new Configuration(false);
      settings.forEach(c::set);
      conf = c;
    }
    return conf;
  }

  /**
   * A path from the command line: a location with a scheme ({@code file:/}, {@code hdfs://},
   * {@code s3a://}) is read the way Hadoop and Spark read a path string, character for character
   * (a space, {@code %}, {@code #} or {@code [} is part of the name, not URI syntax); anything else
   * is a local path, made absolute against the working folder so that executors and the driver
   * agree on it.
   */
  public static Path path(String location) {
    if (location.isBlank()) {
      throw new IllegalArgumentException("a path is empty");
    }
    if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || location.matches("^file:/.*")) {
      return new Path(location);
    }
    // The launcher's local path; Hadoop quotes what a URI needs. No trailing slash, whether the folder exists or not.
    return new Path("file", null, java.nio.file.Path.of(location).toAbsolutePath().normalize().toString());
  }

  /**
   * The string to give Spark's readers for a folder: they expand glob patterns in a path, so the
   * characters of a pattern are escaped and a folder named {@code out [old]} is read as itself.
   */
  public static String forSparkRead(Path p) {
    return p.toString().replaceAll("([\\\\{}\\[\\]*?])", "\\\\$1");
  }

  public FileSystem fs(Path p) {
    try {
      FileSystem fs = p.getFileSystem(conf());
      if (fs instanceof org.apache.hadoop.fs.ChecksumFileSystem c) {
        // No .crc side files next to published outputs; Parquet carries its own checksums.
        c.setWriteChecksum(false);
      }
      return fs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the file system of " + p + ": " + e.getMessage(), e);
    }
  }

  public boolean exists(Path p) throws IOException {
    return fs(p).exists(p);
  }

  public boolean isDirectory(Path p) throws IOException {
    FileSystem fs = fs(p);
    return fs.exists(p) && fs.getFileStatus(p).isDirectory();
  }

  /** A file found under an input folder: its full path, its path relative to that folder, its size. */
  public record Found(String path, String relative, long bytes) implements Serializable {}

  /** Every file under {@code dir} (recursively) whose name ends with {@code suffix}, sorted by relative path. */
  public List<Found> listRecursive(Path dir, String suffix) throws IOException {
    java.nio.file.Path localDir = local(dir);
    if (localDir != null) {
      return listLocal(dir, localDir, suffix);
    }
    FileSystem fs = fs(dir);
    Path root = fs.getFileStatus(dir).getPath();
    String rootText = root.toUri().getPath();
    if (!rootText.endsWith("/")) {
      rootText = rootText + "/";
    }
    List<Found> out = new ArrayList<>();
    RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      FileStatus st = it.next();
      String name = st.getPath().getName();
      if (!st.isFile() || !name.toLowerCase(Locale.ROOT).endsWith(suffix) || name.startsWith(".")) {
        continue;
      }
      String full = st.getPath().toUri().getPath();
      String rel = full.startsWith(rootText) ? full.substring(rootText.length()) : name;
      if (rel.startsWith(".") || rel.contains("/.")) {
        continue; // hidden folders (our own staging, editors' backups) are not input
      }
      out.add(new Found(st.getPath().toString(), rel, st.getLen()));
    }
    out.sort((a, b) -> a.relative().compareTo(b.relative()));
    return out;
  }

  /**
   * {@link #listRecursive} on the local file system through java.nio: Hadoop's local listing asks
   * for each file's owner and permissions, which without its native library means a process per
   * file (a minute for three thousand files on a busy machine). Same answer: regular files (links
   * followed), hidden names skipped, sorted by relative path, paths as Hadoop prints them.
   */
  private List<Found> listLocal(Path dir, java.nio.file.Path root, String suffix) throws IOException {
    if (!java.nio.file.Files.isDirectory(root)) {
      throw new FileNotFoundException("File " + dir + " does not exist");
    }
    List<Found> out = new ArrayList<>();
    java.nio.file.Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE, new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult visitFile(java.nio.file.Path file,
              java.nio.file.attribute.BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (!attrs.isRegularFile() || !name.toLowerCase(Locale.ROOT).endsWith(suffix) || name.startsWith(".")) {
              return java.nio.file.FileVisitResult.CONTINUE;
            }
            String rel = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            if (rel.startsWith(".") || rel.contains("/.")) {
              return java.nio.file.FileVisitResult.CONTINUE; // hidden folders are not input
            }
            out.add(new Found(new Path(file.toUri()).toString(), rel, attrs.size()));
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
    out.sort((a, b) -> a.relative().compareTo(b.relative()));
    return out;
  }

  public InputStream open(String path) throws IOException {
    Path p = new Path(path);
    return fs(p).open(p);
  }

  public byte[] readAll(Path p) throws IOException {
    try (InputStream in = fs(p).open(p)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  public String readString(Path p) throws IOException {
    return new String(readAll(p), StandardCharsets.UTF_8);
  }

  /** Writes a whole file, replacing any earlier one. */
  public void write(Path p, byte[] bytes) throws IOException {
    try (OutputStream out = create(p)) {
      out.write(bytes);
    }
  }

  public void write(Path p, String text) throws IOException {
    write(p, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A new file (replacing any earlier one), its folder made if needed. Local files are opened with
   * java.nio: without its native library, Hadoop's local file system starts a chmod process for
   * every file and folder it creates, a tenth of a second each, which adds up over many small outputs.
   */
  public OutputStream create(Path p) throws IOException {
    java.nio.file.Path local = local(p);
    if (local != null) {
      java.nio.file.Files.createDirectories(local.getParent());
      return java.nio.file.Files.newOutputStream(local);
    }
    FileSystem fs = fs(p);
    fs.mkdirs(p.getParent());
    return fs.create(p, true);
  }

  public void mkdirs(Path p) throws IOException {
    java.nio.file.Path local = local(p);
    if (local != null) {
      java.nio.file.Files.createDirectories(local);
    } else if (!fs(p).mkdirs(p)) {
      throw new IOException("cannot create folder " + p);
    }
  }

  /** The java.nio path of a {@code file:} path on the local file system, or null for any other. */
  private java.nio.file.Path local(Path p) {
    FileSystem fs = fs(p);
    if (fs instanceof org.apache.hadoop.fs.LocalFileSystem || fs instanceof org.apache.hadoop.fs.RawLocalFileSystem) {
      URI uri = fs.makeQualified(p).toUri();
      if ("file".equals(uri.getScheme())) {
        return java.nio.file.Path.of(uri);
      }
    }
    return null;
  }

  public void rename(Path from, Path to) throws IOException {
    FileSystem fs = fs(from);
    if (!fs.rename(from, to)) {
      if (!fs.exists(from)) {
        throw new FileNotFoundException("cannot move " + from + ": it does not exist");
      }
      throw new IOException("cannot move " + from + " to " + to);
    }
  }

  public void deleteRecursively(Path p) throws IOException {
    FileSystem fs = fs(p);
    if (fs.exists(p) && !fs.delete(p, true)) {
      throw new IOException("cannot delete " + p);
    }
  }

  /** Direct children of a folder (files and folders), sorted by name; empty when it does not exist. */
  public List<Path> children(Path dir) throws IOException {
    FileSystem fs = fs(dir);
    if (!fs.exists(dir)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    for (FileStatus st : fs.listStatus(dir)) {
      out.add(st.getPath());
    }
    out.sort((a, b) -> a.getName().compareTo(b.getName()));
    return out;
  }
}
