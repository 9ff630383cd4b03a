package dev.sluice.kit.seed;

import java.io.PrintStream;

/**
 * Seeding progress on the terminal: a bar redrawn in place with carriage returns when a console is
 * attached, one plain line per finished table otherwise (logs and CI output stay readable).
 */
public final class Progress {
  private final PrintStream out;
  private final boolean interactive;
  private String label;
  private long total;
  private long done;
  private long startNanos;

  public Progress(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  /** Progress on stderr, redrawn in place when {@code System.console()} is present. */
  public static Progress stderr() {
    return new Progress(System.err, System.console() != null);
  }

  /** Reports nothing (tests, library use). */
  public static Progress silent() {
    return new Progress(null, false);
  }

  public void start(String label, long total) {
    this.label = label;
    this.total = total;
    this.done = 0;
    this.startNanos = System.nanoTime();
    draw();
  }

  public void advance(long rows) {
    done += rows;
    draw();
  }

  /** Ends the current table and returns its time in milliseconds. */
  public long finish() {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    if (out != null) {
      String line = String.format("  %-22s %,9d rows  %6d ms", label, done, ms);
      out.print(interactive ? "\r" + line + " ".repeat(20) + "\n" : line + "\n");
      out.flush();
    }
    return ms;
  }

  private void draw() {
    if (out == null || !interactive) return;
    int width = 30;
    int filled = total == 0 ? width : (int) (width * Math.min(1.0, (double) done / total));
    out.print(String.format("\r  %-22s [%s%s] %,d/%,d", label, "#".repeat(filled), ".".repeat(width - filled), done, total));
    out.flush();
  }
}
