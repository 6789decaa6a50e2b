package org.fairfee.jobs.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fairfee command line. Exit codes: 0 done, 1 the work failed (or {@code validate} found
 * problems), 2 the command line was wrong. The terminal gets one plain line per error, never a
 * stack trace; the trace goes to the log file that the line names.
 */
public final class Main {

  /** One sub-command. */
  interface Command {
    String summary();

    int run(String[] argv, PrintStream out, PrintStream err) throws Exception;
  }

  static Map<String, Command> commands() {
    Map<String, Command> c = new LinkedHashMap<>();
    c.put("run", new RunCommand(false));
    c.put("demo", new RunCommand(true));
    c.put("validate", new ValidateCommand());
    c.put("import-spend", new ImportSpendCommand());
    c.put("generate", new GenerateCommand());
    return c;
  }

  public static void main(String[] argv) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    org.fairfee.jobs.core.Logs.toDefaultFile();
    int code = execute(argv, out, err);
    out.flush();
    err.flush();
    // Spark leaves non-daemon threads behind; exit explicitly with the code.
    System.exit(code);
  }

  /** Runs a command and returns its exit code; never throws. */
  public static int execute(String[] argv, PrintStream out, PrintStream err) {
    Map<String, Command> commands = commands();
    if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
      (argv.length == 0 ? err : out).print(usage(commands));
      return argv.length == 0 ? 2 : 0;
    }
    if (argv[0].equals("--version")) {
      out.println("fairfee " + org.fairfee.jobs.core.Version.get());
      return 0;
    }
    Command command = commands.get(argv[0]);
    if (command == null) {
      err.println("fairfee: unknown command '" + argv[0] + "'. Commands: " + String.join(", ", commands.keySet())
          + ". Try 'fairfee --help'.");
      return 2;
    }
    try {
      return command.run(Arrays.copyOfRange(argv, 1, argv.length), out, err);
    } catch (UsageException e) {
      err.println("fairfee " + argv[0] + ": " + e.getMessage() + ". Try 'fairfee " + argv[0] + " --help'.");
      return 2;
    } catch (Throwable e) {
      String log = Failure.record(e);
      err.println("fairfee " + argv[0] + ": failed: " + Failure.plain(e) + (log == null ? "" : " (details: " + log + ")"));
      return 1;
    }
  }

  static String usage(Map<String, Command> commands) {
    StringBuilder sb = new StringBuilder();
    sb.append("fairfee: makes NHS interface and licence fees comparable.\n\n");
    sb.append("Usage: fairfee COMMAND [OPTIONS]   (fairfee COMMAND --help for its options)\n\nCommands:\n");
    commands.forEach((name, c) -> sb.append(String.format(java.util.Locale.ROOT, "  %-14s %s%n", name, c.summary())));
    sb.append("\nExit codes: 0 done, 1 failed (details in the log it names), 2 bad command line.\n");
    return sb.toString();
  }
}
