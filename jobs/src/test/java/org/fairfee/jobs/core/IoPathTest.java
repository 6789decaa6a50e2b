package org.fairfee.jobs.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line locations as Hadoop paths: URIs of any scheme, local paths, awkward names. No Spark. */
class IoPathTest {

  @TempDir
  java.nio.file.Path tmp;

  @Test
  void aRelativePathIsMadeAbsoluteAgainstTheWorkingFolder() {
    java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
    Path p = Io.path("some/relative/../folder");
    assertEquals("file", p.toUri().getScheme());
    assertEquals(cwd.resolve("some/folder").toString(), p.toUri().getPath());
  }

  @Test
  void aLocalFolderHasNoTrailingSlashWhetherItExistsOrNot() throws IOException {
    java.nio.file.Path there = Files.createDirectories(tmp.resolve("there"));
    assertEquals("file:" + there, Io.path(there.toString()).toString());
    assertEquals("file:" + tmp.resolve("not-yet"), Io.path(tmp.resolve("not-yet").toString()).toString());
    assertEquals("file:" + there, Io.path(there + "/").toString());
  }

  @Test
  void fileUrisOfEveryFormNameTheSameFolder() {
    Path a = Io.path("file:///data/in");
    assertEquals(a, Io.path("file:/data/in"));
    assertEquals(a, Io.path("/data/in"));
    assertEquals("/data/in", a.toUri().getPath());
  }

  @Test
  void namesAreTakenLiterallyAsHadoopAndSparkTakeThem() {
    // A space, %, # and brackets are part of the name; %20 is not decoded (Spark would not decode it either).
    String[] names = {"a b", "100%", "x#1", "c [1] {2}", "d%20e", "ü-é"};
    for (String n : names) {
      Path uri = Io.path("file:///data/" + n + "/in");
      Path local = Io.path("/data/" + n + "/in");
      assertEquals("/data/" + n + "/in", uri.toUri().getPath(), n);
      assertEquals(uri, local, n);
      assertEquals(uri, new Path(uri.toString()), "the string form reads back as the same path: " + n);
    }
  }

  @Test
  void objectStoreAndHdfsLocationsKeepSchemeAndAuthority() {
    Path s3 = Io.path("s3a://nhs-fees/monthly in/2026");
    assertEquals("s3a", s3.toUri().getScheme());
    assertEquals("nhs-fees", s3.toUri().getAuthority());
    assertEquals("/monthly in/2026", s3.toUri().getPath());
    assertEquals("s3a://nhs-fees/monthly in/2026", s3.toString());
    Path hdfs = Io.path("hdfs://namenode:8020/fairfee/store");
    assertEquals("namenode:8020", hdfs.toUri().getAuthority());
    assertEquals("/fairfee/store", hdfs.toUri().getPath());
    assertEquals("hdfs://namenode:8020/fairfee/store/_commits", new Path(hdfs, "_commits").toString());
    assertThrows(IllegalArgumentException.class, () -> Io.path(" "));
  }

  @Test
  void sparkReadPathsEscapeGlobCharactersSoAFolderIsReadAsItself() throws IOException {
    java.nio.file.Path odd = Files.createDirectories(tmp.resolve("out [old] {a,b} *?"));
    Files.writeString(odd.resolve("x.txt"), "x");
    Files.createDirectories(tmp.resolve("out o a xy")); // what the unescaped pattern would match instead
    Io io = Io.local();
    Path p = Io.path(odd.toString());
    String forSpark = Io.forSparkRead(p);
    FileStatus[] found = io.fs(p).globStatus(new Path(forSpark));
    assertEquals(1, found.length, forSpark);
    assertEquals(io.fs(p).makeQualified(p), found[0].getPath());
    assertEquals("file:/plain/path", Io.forSparkRead(Io.path("/plain/path")));
  }

  @Test
  void filesAreWrittenAndReadThroughUrisWithSpaces() throws IOException {
    Io io = Io.local();
    Path dir = Io.path(tmp.toUri().toString().replace("%20", " ") + "with space [1]");
    Path file = new Path(dir, "nested/ü.txt");
    io.write(file, "hello");
    assertEquals("hello", io.readString(file));
    assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8),
        Files.readAllBytes(tmp.resolve("with space [1]/nested/ü.txt")));
    assertEquals(1, io.listRecursive(dir, ".txt").size());
    assertEquals("nested/ü.txt", io.listRecursive(dir, ".txt").get(0).relative());
  }

  @Test
  void theHadoopSettingsGivenToSparkReachWorkDoneBeforeSparkStarts() {
    String key = "spark.hadoop.fs.s3a.endpoint";
    assertNull(System.getProperty(key));
    System.setProperty(key, "http://127.0.0.1:9000");
    try {
      assertEquals("http://127.0.0.1:9000", Io.local().conf().get("fs.s3a.endpoint"));
    } finally {
      System.clearProperty(key);
    }
    assertFalse("http://127.0.0.1:9000".equals(Io.local().conf().get("fs.s3a.endpoint")));
  }
}
