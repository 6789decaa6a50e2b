package org.fairfee.jobs.cli;

/** The command line was wrong (exit code 2); the message says what and is shown as it is. */
public final class UsageException extends RuntimeException {
  private final String command;

  public UsageException(String command, String message) {
    super(message);
    this.command = command;
  }

  /** The command whose --help to point at, or null for the top level. */
  public String command() {
    return command;
  }
}
