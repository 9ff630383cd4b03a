package dev.sluice.cli;

import dev.sluice.studio.Studio;
import dev.sluice.studio.StudioOptions;
import dev.sluice.studio.StudioRoles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice studio}: the local web UI, served until Ctrl-C. */
@Command(name = "studio", mixinStandardHelpOptions = true,
    description = "Open a local web UI to browse, edit and query the database (schema, ER diagram, data grid, SQL console, migrations).",
    footer = {"Loopback only unless --allow-remote; every request needs the token in the printed URL.",
        "Work runs as a NOLOGIN role: the read role with --read-only, else the write role. Run the SQL of",
        "--print-setup-sql once (as the tables' owner) and connect as the login it creates. A superuser login is",
        "refused unless --allow-superuser (read-write only, as the superuser itself, with a warning)."})
final class StudioCommand implements Callable<Integer> {
  @Option(names = "--url", description = "Database URL (default: $SLUICE_DATABASE_URL or $DATABASE_URL).")
  String url;
  @Option(names = "--port", defaultValue = "4983", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;
  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;
  @Option(names = "--read-only", description = "Run every statement in a READ ONLY transaction as the read role"
      + " (enforced by PostgreSQL's privileges; the login must not be a superuser, see --print-setup-sql).")
  boolean readOnly;
  @Option(names = "--read-role", defaultValue = StudioRoles.DEFAULT_READ_ROLE,
      description = "The NOLOGIN role --read-only work switches to with SET LOCAL ROLE (default: ${DEFAULT-VALUE}).")
  String readRole;
  @Option(names = "--write-role", defaultValue = StudioRoles.DEFAULT_WRITE_ROLE,
      description = "The NOLOGIN role read-write work switches to with SET LOCAL ROLE (default: ${DEFAULT-VALUE}).")
  String writeRole;
  @Option(names = "--allow-superuser", description = "Read-write as a superuser login itself, without the write role"
      + " (prints a warning: the console can then run COPY ... TO PROGRAM, read files and password hashes).")
  boolean allowSuperuser;
  @Option(names = "--print-setup-sql", description = "Print the SQL that creates the read role, the write role and a login,"
      + " with grants on the --setup-schemas, then exit.")
  boolean printSetupSql;
  @Option(names = "--setup-schemas", split = ",", defaultValue = "public",
      description = "Schemas the roles of --print-setup-sql may read (and write), comma-separated (default: ${DEFAULT-VALUE}).")
  java.util.List<String> setupSchemas;
  @Option(names = "--login-role", defaultValue = StudioRoles.DEFAULT_LOGIN,
      description = "The login --print-setup-sql creates (default: ${DEFAULT-VALUE}).")
  String loginRole;
  @Option(names = "--allow-remote", description = "Allow binding a non-loopback address (prints a warning).")
  boolean allowRemote;
  @Option(names = "--migrations", description = "Migrations folder whose pending migrations the migrations panel lists.")
  Path migrations;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    var out = spec.commandLine().getOut();
    if (printSetupSql) {
      try {
        out.print(StudioRoles.setupSql(readRole, loginRole, writeRole, setupSchemas));
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), SluiceCommand.EXIT_USAGE);
      }
      out.flush();
      return SluiceCommand.EXIT_OK;
    }
    String u = url != null ? url : System.getenv("SLUICE_DATABASE_URL") != null ? System.getenv("SLUICE_DATABASE_URL")
        : System.getenv("DATABASE_URL");
    if (u == null) throw new CliException("no database URL: pass --url or set SLUICE_DATABASE_URL", SluiceCommand.EXIT_USAGE);
    Studio studio;
    try {
      studio = Studio.start(new StudioOptions(u, host, port, readOnly, allowRemote, migrations, readRole, writeRole,
          allowSuperuser));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CliException(e.getMessage(), SluiceCommand.EXIT_USAGE);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      studio.close();
      stopped.countDown();
    }, "sluice-studio-shutdown"));
    out.println("sluice studio" + (readOnly ? " (read-only)" : "") + " on " + studio.baseUrl());
    out.println("open: " + studio.url());
    out.println("press Ctrl-C to stop");
    out.flush();
    stopped.await();
    return SluiceCommand.EXIT_OK;
  }
}
