package dev.sluice.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The client's CPU time per operation: CPU time of the benchmark thread itself (not the JIT, GC or
 * pool threads, and never the PostgreSQL server, a separate process) over each measurement iteration,
 * divided by the operations it ran. Each benchmark method calls {@link #op()} once. Written as one
 * line per iteration to the file named by {@code -Dbench.cpu.file} ({@code op lib cpuNs ops}), which
 * {@link Report} reads back; without that property nothing is written.
 */
@State(Scope.Thread)
public class CpuMeter {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private long startNs;
  private long ops;
  private boolean measuring;
  private String op;
  private String lib;

  /** Counts one operation. */
  public void op() {
    ops++;
  }

  @Setup(Level.Iteration)
  public void start(BenchmarkParams benchmark, IterationParams iteration) {
    measuring = iteration.getType() == IterationType.MEASUREMENT && System.getProperty("bench.cpu.file") != null;
    op = benchmark.getBenchmark().substring("dev.sluice.bench.".length());
    lib = benchmark.getParam("lib");
    ops = 0;
    startNs = THREADS.getCurrentThreadCpuTime();
  }

  @TearDown(Level.Iteration)
  public void stop() throws IOException {
    long cpu = THREADS.getCurrentThreadCpuTime() - startNs;
    if (!measuring || ops == 0) return;
    String line = String.format(Locale.ROOT, "%s %s %d %d%n", op, lib, cpu, ops);
    synchronized (CpuMeter.class) {
      Files.writeString(Path.of(System.getProperty("bench.cpu.file")), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }
}
