package org.fairfee.jobs.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fairfee command in a child JVM, launched as bin/fairfee does: the same main class, the Spark
 * JVM flags (taken from this test JVM, which surefire started with the parent pom's
 * {@code spark.jvm.flags}), SPARK_LOCAL_IP=127.0.0.1, and this JVM's class path (target/classes and
 * the dependencies; the shaded jar is built only after the tests). Optionally paused at a stage
 * ({@code -Dfairfee.test.pauseAt}, see {@link org.fairfee.jobs.core.PausePoint}), killed with
 * SIGKILL ({@link Process#destroyForcibly()}), or started under a wrapper command (unshare).
 *
 * <p>Waits are for markers (a line on stderr, the process's end), never for fixed times; the long
 * limits only stop a hung child from hanging the build.
 */
final class Child implements AutoCloseable {
  /** A guard against a hung child, not a timing assertion: a run takes a minute or two on a loaded machine. */
  static final long GUARD_MINUTES = 20;
  static final String PAUSED = "fairfee-test: paused at ";

  private final Process process;
  private final List<String> out = new ArrayList<>();
  private final List<String> err = new ArrayList<>();
  private final Thread outReader;
  private final Thread errReader;
  private final String description;

  private Child(Process process, String description) {
    this.process = process;
    this.description = description;
    this.outReader = reader(process.getInputStream(), out);
    this.errReader = reader(process.getErrorStream(), err);
  }

  /** The java command line for fairfee ARGS, with the JVM flags of bin/fairfee. */
  static List<String> javaCommand(Path scratch, String pauseAt, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-XX:+UseSerialGC");
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")) {
        cmd.add(a);
      }
    }
    // Logging before a run knows its folder goes here, not to the shared /tmp/fairfee.log.
    cmd.add("-Dfairfee.log=" + scratch.resolve("child-fairfee.log"));
    if (pauseAt != null) {
      cmd.add("-Dfairfee.test.pauseAt=" + pauseAt);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.fairfee.jobs.cli.Main");
    cmd.addAll(List.of(args));
    return cmd;
  }

  static Child start(Path scratch, String pauseAt, String... args) throws IOException {
    return start(List.of(), scratch, pauseAt, args);
  }

  /** Starts fairfee ARGS, under {@code wrapper} (a command that runs its last arguments) when not empty. */
  static Child start(List<String> wrapper, Path scratch, String pauseAt, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(wrapper);
    cmd.addAll(javaCommand(scratch, pauseAt, args));
    return start(cmd, (pauseAt == null ? "" : "[pause at " + pauseAt + "] ") + String.join(" ", args));
  }

  static Child start(List<String> command, String description) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return new Child(pb.start(), description);
  }

  private Thread reader(InputStream in, List<String> lines) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (this) {
            lines.add(line);
            notifyAll();
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
      synchronized (this) {
        notifyAll();
      }
    }, "child-reader");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Waits until the child prints a line starting with {@link #PAUSED} or ends; returns the stage it
   * paused at, or null when it ended without pausing.
   */
  synchronized String awaitPauseOrExit() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(GUARD_MINUTES);
    while (true) {
      for (String l : err) {
        if (l.startsWith(PAUSED)) {
          return l.substring(PAUSED.length()).strip();
        }
      }
      if (!process.isAlive() && !errReader.isAlive()) {
        return null;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        process.destroyForcibly();
        throw new AssertionError("child hung (" + GUARD_MINUTES + " min guard): " + this);
      }
      wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 1_000));
    }
  }

  /** Waits for the pause at {@code stage}; fails (with the child's output) if it ends or pauses elsewhere. */
  void awaitPause(String stage) throws InterruptedException {
    String at = awaitPauseOrExit();
    if (!stage.equals(at)) {
      throw new AssertionError("expected a pause at " + stage + " but " + (at == null ? "the child ended" : "it paused at " + at)
          + ": " + this);
    }
  }

  /** SIGKILL, then waits for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(GUARD_MINUTES, TimeUnit.MINUTES)) {
      throw new AssertionError("a killed child did not end: " + this);
    }
  }

  /** Lets a paused child go on. */
  void resume() throws IOException {
    OutputStream in = process.getOutputStream();
    in.write('\n');
    in.flush();
    in.close();
  }

  /** Waits for the child to end and for its output to be read; returns the exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(GUARD_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("child hung (" + GUARD_MINUTES + " min guard): " + this);
    }
    outReader.join();
    errReader.join();
    return process.exitValue();
  }

  long pid() {
    return process.pid();
  }

  synchronized String err() {
    return String.join("\n", err) + (err.isEmpty() ? "" : "\n");
  }

  synchronized String out() {
    return String.join("\n", out) + (out.isEmpty() ? "" : "\n");
  }

  /** stderr without the test's pause marker: what a user would see. */
  synchronized String userErr() {
    StringBuilder sb = new StringBuilder();
    for (String l : err) {
      if (!l.startsWith(PAUSED)) {
        sb.append(l).append('\n');
      }
    }
    return sb.toString();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Override
  public synchronized String toString() {
    return "fairfee " + description + "\n--- stdout:\n" + String.join("\n", out) + "\n--- stderr:\n" + String.join("\n", err);
  }
}
