package org.fairfee.jobs.core;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/** Sends all logging (fairfee's, Spark's, Hadoop's) to one file; the terminal gets none of it. */
public final class Logs {
  private Logs() {}

  public static void toFile(java.nio.file.Path file) {
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
}
