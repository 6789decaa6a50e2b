package org.fairfee.jobs.core;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Sends all logging (fairfee's, Spark's, Hadoop's) to one file; the terminal gets none of it.
 *
 * <p>Configured in code, not by a {@code log4j2.properties} in the jar: on a cluster that file would
 * be found on the executors' class path too (YARN puts the application jar there) and take their
 * logs away from the cluster's own log configuration.
 */
public final class Logs {
  private Logs() {}

  /** Before a run knows its folder: {@code -Dfairfee.log=FILE}, else fairfee.log in the temporary folder. */
  public static String defaultFile() {
    return System.getProperty("fairfee.log", System.getProperty("java.io.tmpdir") + "/fairfee.log");
  }

  /** Where the command line logs until a run names its own file; touches no Spark class, so it costs nothing. */
  public static void toDefaultFile() {
    configure(java.nio.file.Path.of(defaultFile()));
  }

  /** A run's log file; all Spark's logging goes there too, under spark-submit as well. */
  public static void toFile(java.nio.file.Path file) {
    settleSpark();
    configure(file);
  }

  private static void configure(java.nio.file.Path file) {
    ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
    b.setStatusLevel(Level.ERROR);
    b.setConfigurationName("fairfee");
    b.add(b.newAppender("file", "File")
        .addAttribute("fileName", file.toString())
        .addAttribute("append", true)
        .add(b.newLayout("PatternLayout").addAttribute("pattern", "%d{ISO8601} %-5p %c{1}: %m%n%ex")));
    b.add(b.newRootLogger(Level.WARN).add(b.newAppenderRef("file")));
    b.add(b.newLogger("fairfee", Level.INFO).addAttribute("additivity", true));
    b.add(b.newLogger("org.apache.spark.SparkContext", Level.INFO).addAttribute("additivity", true));
    Configurator.reconfigure(b.build());
  }

  /**
   * spark-submit configures Spark's console logging and, before it calls our main, marks logging
   * as not yet initialised; the first Spark class that logs then puts its console configuration
   * back, over ours (run.log would keep one line). Letting Spark initialise now, silently, means
   * the configuration set next stays. Without spark-submit this changes nothing.
   */
  private static void settleSpark() {
    try {
      new org.apache.spark.SparkConf(false).initializeForcefully(false, true);
    } catch (LinkageError e) {
      // Spark is not on the class path (a command that does not need it): nothing to settle.
    }
  }
}
