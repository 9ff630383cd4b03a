package dev.sluice.cli;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.runtime.PgUrl;
import dev.sluice.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;

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

  static IntrospectOptions options(CliConfig cfg) {
    return new IntrospectOptions(cfg.schemas(), cfg.excludeTables());
  }
}
