package dev.sluice.cli;

import dev.sluice.kit.seed.Seeder;
import dev.sluice.runtime.Database;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sluice seed}: fills a migrated database with deterministic data by calling a seeder class's
 * {@code static seed(Database db, long seed, int scale)} (the example apps' seeders by default).
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
    description = "Fill the database with deterministic fake data (same --seed, same rows) using a seeder class.",
    footer = {"The seeder is a class with a static seed(Database, long seed, int scale) method; run sluice reset first"
        + " to re-seed a database that has data."})
final class SeedCommand implements Callable<Integer> {
  static final String DEFAULT_SEEDER = "dev.sluice.examples.saas.SaasSeeder";

  @Mixin ProjectOptions project;
  @Option(names = "--seeder", defaultValue = DEFAULT_SEEDER, description = "seeder class (default: ${DEFAULT-VALUE})")
  String seeder;
  @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;
  @Option(names = "--scale", defaultValue = "1", description = "row-count multiplier (default: ${DEFAULT-VALUE})")
  int scale;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (scale < 1) throw new CliException("--scale must be at least 1", SluiceCommand.EXIT_USAGE);
    CliConfig cfg = project.config();
    Method m = seedMethod(SchemaLoader.loadClass(seeder, cfg.classpath()));
    long start = System.nanoTime();
    try (Database db = Database.connect(project.url())) {
      Object result = m.invoke(null, db, seed, scale);
      long n = rowCount(result);
      String rows = n > 0 ? String.format("%,d rows", n) : "done";
      spec.commandLine().getOut().printf("seeded with %s (seed %d, scale %d): %s in %d ms%n", seeder, seed, scale, rows,
          (System.nanoTime() - start) / 1_000_000);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) throw re;
      throw new CliException("seeder " + seeder + " failed: " + cause);
    } catch (IllegalAccessException e) {
      throw new CliException("seeder " + seeder + ": seed(...) is not public");
    }
    return SluiceCommand.EXIT_OK;
  }

  static Method seedMethod(Class<?> c) {
    try {
      return c.getMethod("seed", Database.class, long.class, int.class);
    } catch (NoSuchMethodException e) {
      throw new CliException("seeder " + c.getName() + " has no public static seed(Database, long, int) method",
          SluiceCommand.EXIT_USAGE);
    }
  }

  /** Rows a seeder reports: a {@link Seeder} run, a per-table count map, or a number. */
  static long rowCount(Object result) {
    if (result instanceof Seeder s) return s.total();
    if (result instanceof java.util.Map<?, ?> m) {
      return m.values().stream().mapToLong(v -> v instanceof Number n ? n.longValue() : 0).sum();
    }
    return result instanceof Number n ? n.longValue() : 0;
  }
}
