package dev.sluice.cli;

import dev.sluice.kit.migrate.Migration;
import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.kit.migrate.MigrationListener;
import dev.sluice.kit.migrate.Migrator;
import dev.sluice.kit.migrate.MigratorOptions;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The migration folder and a migrator for the commands, with progress printed as migrations run. */
final class Migrations {
  private Migrations() {}

  /** The folder, or for a {@code classpath:} location the folder read from the project classpath (jars in place). */
  static MigrationFolder folder(CliConfig cfg) {
    String location = cfg.migrations();
    if (location.startsWith(MigrationFolder.CLASSPATH_PREFIX)) {
      java.util.List<java.net.URL> urls = new java.util.ArrayList<>();
      for (String entry : cfg.classpath()) {
        Path p = Path.of(entry);
        if (!java.nio.file.Files.exists(p)) {
          throw new CliException("classpath entry " + p.toAbsolutePath() + " does not exist (needed for " + location + ")");
        }
        try {
          urls.add(p.toUri().toURL());
        } catch (java.net.MalformedURLException e) {
          throw new CliException("classpath entry " + entry + " is not a usable path: " + e.getMessage());
        }
      }
      // the URLs are only used to find the location; a jar is then read through its own file system
      return MigrationFolder.classpath(location, new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new),
          Migrations.class.getClassLoader()));
    }
    return MigrationFolder.of(Path.of(location));
  }

  static Migrator migrator(ProjectOptions project, MigratorOptions options, PrintWriter progress) {
    return migratorWith(project, options, new Progress(progress));
  }

  static Migrator migratorWith(ProjectOptions project, MigratorOptions options, Progress progress) {
    CliConfig cfg = project.config();
    MigratorOptions effective = project.historyTable == null ? options : options.withHistoryTable(project.historyTable);
    return Migrator.connect(project.migrateUrl(), folder(cfg)).withOptions(effective).withListener(progress);
  }

  /** Prints progress (when given a writer) and remembers the migration running now, for an interrupted run's report. */
  static final class Progress implements MigrationListener {
    private final PrintWriter out;
    volatile Migration running;
    volatile int finished;

    Progress(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void waitingForLock(String holder) {
      if (out == null) return;
      out.println("waiting for another migrator" + (holder.isEmpty() ? "" : " (" + holder + ")") + "...");
      out.flush();
    }

    @Override
    public void starting(Migration migration, boolean down) {
      running = migration;
      if (out == null) return;
      out.print((down ? "reverting " : "applying ") + migration.fileName() + " ... ");
      out.flush();
    }

    @Override
    public void finished(Migration migration, boolean down, long executionMs) {
      running = null;
      finished++;
      if (out == null) return;
      out.println("done in " + executionMs + " ms");
      out.flush();
    }
  }
}
