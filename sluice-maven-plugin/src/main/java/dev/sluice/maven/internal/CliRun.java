package dev.sluice.maven.internal;

import dev.sluice.cli.SluiceCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * Runs one {@code sluice} command line in this JVM, the same code the CLI runs, with its standard
 * output forwarded line by line to {@code out} and its error output both forwarded to {@code err}
 * and kept for the failure message.
 */
public final class CliRun {
  private CliRun() {}

  /** What a run ended with. */
  public record Result(int exitCode, String errors, List<String> output) {}

  /** Runs {@code args} (subcommand first). */
  public static Result run(List<String> args, Consumer<String> out, Consumer<String> err) {
    StringWriter errors = new StringWriter();
    List<String> output = new java.util.ArrayList<>();
    Consumer<String> outAndKeep = line -> {
      output.add(line);
      out.accept(line);
    };
    CommandLine cmd = SluiceCommand.commandLine();
    PrintWriter outWriter = new PrintWriter(new LineWriter(outAndKeep, null), true);
    PrintWriter errWriter = new PrintWriter(new LineWriter(err, errors), true);
    cmd.setOut(outWriter);
    cmd.setErr(errWriter);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(CliRun.class.getClassLoader());
    int exit;
    try {
      exit = cmd.execute(args.toArray(String[]::new));
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
      outWriter.flush();
      errWriter.flush();
    }
    return new Result(exit, errors.toString().strip(), List.copyOf(output));
  }

  /** Splits what is written into lines for a logger; keeps a copy when {@code copy} is given. */
  private static final class LineWriter extends Writer {
    private final Consumer<String> sink;
    private final StringWriter copy;
    private final StringBuilder line = new StringBuilder();

    LineWriter(Consumer<String> sink, StringWriter copy) {
      this.sink = sink;
      this.copy = copy;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      if (copy != null) copy.write(buf, off, len);
      for (int i = off; i < off + len; i++) {
        char c = buf[i];
        if (c == '\n') {
          emit();
        } else if (c != '\r') {
          line.append(c);
        }
      }
    }

    private void emit() {
      sink.accept(line.toString());
      line.setLength(0);
    }

    @Override
    public synchronized void flush() {
      if (line.length() > 0) emit();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
