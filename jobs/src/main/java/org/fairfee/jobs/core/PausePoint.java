package org.fairfee.jobs.core;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Fault injection for the reliability tests, inert in every real run. A run started with
 * {@code -Dfairfee.test.pauseAt=STAGE} prints {@code fairfee-test: paused at STAGE} on stderr when
 * it reaches that stage and waits for a line (or the end) on stdin, so a test can kill it with
 * SIGKILL at a known point, or let it go on. A test in the same JVM may set {@link #listener}
 * instead. Stages: {@code locked} (lock held, staging made), {@code store-staged} (a batch written
 * to the store's staging, not committed), {@code store-commit} (accepted rows moved in, no commit
 * file yet), {@code publish-file:NAME} (before writing NAME) and {@code publish-swap} (the old
 * publication moved aside, the new one not yet in place).
 */
public final class PausePoint {
  private PausePoint() {}

  /** Called with each stage reached, when set (tests in the same JVM only). */
  public static volatile Consumer<String> listener;

  public static void reach(String stage) {
    Consumer<String> l = listener;
    if (l != null) {
      l.accept(stage);
    }
    if (!stage.equals(System.getProperty("fairfee.test.pauseAt"))) {
      return;
    }
    System.err.println("fairfee-test: paused at " + stage);
    System.err.flush();
    try {
      System.in.read(); // blocks until the test writes a byte or closes stdin
    } catch (IOException e) {
      // no stdin: go on
    }
  }
}
