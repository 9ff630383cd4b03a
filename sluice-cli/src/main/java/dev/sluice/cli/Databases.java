package dev.sluice.cli;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.kit.introspect.UnmodeledObjects;
import dev.sluice.runtime.PgUrl;
import dev.sluice.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Opening connections and introspecting, with errors a user can act on. */
final class Databases {
  private Databases() {}

  static Connection connect(String url) {
    PgUrl pg;
    try {
      pg = PgUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), SluiceCommand.EXIT_USAGE);
    }
    try {
      return pg.connect();
    } catch (SQLException e) {
      throw new CliException("cannot connect to " + pg + ": " + PgUrl.connectFailure(e));
    }
  }

  static SchemaModel introspect(String url, CliConfig cfg) {
    try (Connection c = connect(url)) {
      return Introspector.introspect(c, options(cfg));
    } catch (SQLException e) {
      throw new CliException("introspecting " + PgUrl.redact(url) + " failed: " + e.getMessage());
    }
  }

  /** A live database as the kit sees it: the model, and what the model cannot hold. */
  record Live(SchemaModel model, List<UnmodeledObjects.UnmodeledObject> unmodeled) {}

  static Live read(String url, CliConfig cfg) {
    try (Connection c = connect(url)) {
      IntrospectOptions options = options(cfg);
      return new Live(Introspector.introspect(c, options), UnmodeledObjects.list(c, options));
    } catch (SQLException e) {
      throw new CliException("introspecting " + PgUrl.redact(url) + " failed: " + e.getMessage());
    }
  }

  /** Prints {@code header} and one indented line per object; nothing when there are none. */
  static void printUnmodeled(java.io.PrintWriter out, String header, List<UnmodeledObjects.UnmodeledObject> objects) {
    if (objects.isEmpty()) return;
    out.println(header.replace("{n}", String.valueOf(objects.size())));
    for (UnmodeledObjects.UnmodeledObject o : objects) out.println("  " + o);
  }

  static IntrospectOptions options(CliConfig cfg) {
    return new IntrospectOptions(cfg.schemas(), cfg.excludeTables());
  }
}
