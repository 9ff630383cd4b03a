package dev.sluice.cli;

import dev.sluice.kit.migrate.Migration;
import dev.sluice.kit.migrate.MigrationException;
import dev.sluice.kit.migrate.Migrator;
import dev.sluice.kit.migrate.MigratorOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice migrate}: apply pending migrations safely. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Apply pending migrations safely.",
        "One advisory lock for the run; each migration in its own transaction (unless marked",
        "-- sluice:no-transaction) with lock_timeout set; a failure rolls that migration back.",
        "Repeatable migrations (R__name.sql) run after the versioned ones when new or changed;",
        "callbacks beforeMigrate.sql, beforeEachMigrate.sql, afterEachMigrate.sql and afterMigrate.sql",
        "in the folder run around the run and each migration. $${name} placeholders are substituted",
        "(a second $ in front keeps one literal). Ctrl-C cancels the running statement and rolls its migration back."},
    footer = {"Exit code 130 when interrupted (Ctrl-C): the report names the migration rolled back."})
final class MigrateCommand implements Callable<Integer> {
  /** Exit code of a run interrupted by SIGINT (128 + 2, as shells report it). */
  static final int EXIT_INTERRUPTED = 130;
  static final String ENV_PREFIX = "SLUICE_PLACEHOLDERS_";

  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Option(names = "--to", description = "stop after this version")
  Integer to;

  @Option(names = "--allow-out-of-order", description = "apply pending migrations older than the newest applied one (merged branches)")
  boolean allowOutOfOrder;

  @Option(names = "--lock-timeout", description = "lock_timeout per migration, e.g. 5s, 500ms (default 5s)")
  String lockTimeout;

  @Option(names = "--dry-run", description = "print the SQL migrate would run (callbacks and pending migrations, placeholders substituted) and apply nothing")
  boolean dryRun;

  @Option(names = "--placeholder", paramLabel = "NAME=VALUE",
      description = "value of $${NAME} in migrations (repeatable; overrides SLUICE_PLACEHOLDERS_NAME and sluice.json \"placeholders\")")
  Map<String, String> placeholders;

  @Override
  public Integer call() {
    MigratorOptions options = MigratorOptions.DEFAULTS.withAllowOutOfOrder(allowOutOfOrder).withPlaceholders(placeholders());
    if (lockTimeout != null) options = options.withLockTimeout(Durations.parse(lockTimeout));
    var out = spec.commandLine().getOut();
    int target = to == null ? Integer.MAX_VALUE : to;
    if (dryRun) {
      String sql = Migrations.migrator(project, options, null).dryRun(target);
      out.print(project.json ? Json.write(Map.of("sql", sql)) + "\n" : sql);
      out.flush();
      return SluiceCommand.EXIT_OK;
    }
    Migrations.Progress progress = new Migrations.Progress(project.json ? null : out);
    Migrator migrator = Migrations.migratorWith(project, options, progress);
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      interrupted.set(true);
      migrator.cancel();
      try {
        done.await(60, TimeUnit.SECONDS); // let the run roll back and report before the JVM exits
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sluice-migrate-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    List<Migration> applied;
    try {
      applied = migrator.migrate(target);
    } catch (MigrationException e) {
      if (!interrupted.get()) throw e;
      var err = spec.commandLine().getErr();
      err.println();
      err.println(interruptedReport(progress));
      err.flush();
      return EXIT_INTERRUPTED;
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it ends when done is counted down
      }
    }
    if (project.json) {
      out.println("{\"applied\":" + Json.array(applied.stream().map(Migration::fileName).toList()) + "}");
    } else {
      out.println(applied.isEmpty() ? "database is up to date" : "applied " + applied.size() + " migration(s)");
    }
    out.flush();
    return SluiceCommand.EXIT_OK;
  }

  /** What an interrupted run left: the migration that was running and how many finished before it. */
  static String interruptedReport(Migrations.Progress progress) {
    Migration m = progress.running;
    int before = progress.finished;
    if (m == null) return "interrupted: no migration was running, " + before + " applied";
    if (m.noTransaction()) {
      return "interrupted: " + m.fileName() + " ran outside a transaction and was stopped part way; it is recorded as failed"
          + (m.repeatable() ? "" : " (fix the database by hand, then sluice repair)") + ", " + before + " applied before it";
    }
    return "interrupted: " + m.fileName() + " rolled back, " + before + " applied before it";
  }

  /** sluice.json "placeholders", then SLUICE_PLACEHOLDERS_NAME variables, then --placeholder flags (last wins). */
  private Map<String, String> placeholders() {
    Map<String, String> values = new LinkedHashMap<>(project.config().placeholders());
    System.getenv().forEach((k, v) -> {
      if (k.startsWith(ENV_PREFIX) && k.length() > ENV_PREFIX.length()) {
        String name = k.substring(ENV_PREFIX.length());
        values.put(name, v);
        values.put(name.toLowerCase(Locale.ROOT), v);
      }
    });
    if (placeholders != null) values.putAll(placeholders);
    return values;
  }
}
