package dev.sluice.kit.push;

import dev.sluice.kit.diff.Change;
import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.DiffOptions;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.kit.introspect.UnmodeledObjects;
import dev.sluice.kit.shadow.ShadowDatabase;
import dev.sluice.runtime.PgUrl;
import dev.sluice.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@code push}: make a live database match the code schema without a migration file (for
 * prototyping). The plan compares the live database with the code model as PostgreSQL would print
 * it (see {@link ShadowDatabase}) through the one {@link Differ}, and measures the data at risk
 * ({@link DataLossProbe}) before anything runs.
 */
public final class Pusher {
  private Pusher() {}

  /**
   * What a push would do.
   *
   * @param changes the ordered changes (empty when the database already matches)
   * @param statements the DDL, one statement per element, in order
   * @param risks data the changes would lose or that would make them fail
   * @param unmodeled what the live database holds that the model cannot (functions, triggers...): a push
   *     neither creates, changes nor drops them
   */
  public record Plan(List<Change> changes, List<String> statements, List<DataRisk> risks,
      List<UnmodeledObjects.UnmodeledObject> unmodeled) {
    /** True when the database already matches the code. */
    public boolean inSync() {
      return changes.isEmpty();
    }
  }

  /** Plans a push of {@code code} to the database at {@code url}. */
  public static Plan plan(String url, SchemaModel code, IntrospectOptions introspect, DiffOptions options) {
    try (Connection c = PgUrl.parse(url).connect()) {
      return plan(c, url, code, introspect, options);
    } catch (SQLException e) {
      throw new IllegalStateException("planning the push failed: " + e.getMessage(), e);
    }
  }

  /**
   * The plan against the live database behind {@code live}; {@code url} locates the server for the
   * shadow database. When the code model already equals the live one (code pulled from this
   * database, or pushed and unchanged since), nothing is normalised: a model in PostgreSQL's printed
   * form normalises to itself, so the plan is empty without creating a shadow database.
   */
  static Plan plan(Connection live, String url, SchemaModel code, IntrospectOptions introspect, DiffOptions options)
      throws SQLException {
    introspect = introspect.withForeignSchemas(dev.sluice.kit.diff.Externals.foreignSchemas(code));
    SchemaModel current = Introspector.introspect(live, introspect);
    List<UnmodeledObjects.UnmodeledObject> unmodeled = UnmodeledObjects.list(live, introspect);
    SchemaModel target = current.equals(code) ? current : ShadowDatabase.normalize(url, code, introspect);
    List<Change> changes = Differ.diff(current, target, options);
    boolean autoCommit = live.getAutoCommit();
    live.setAutoCommit(false); // the probe only reads; its temporary helper function is rolled back
    try {
      List<DataRisk> risks = DataLossProbe.measure(live, changes);
      return new Plan(changes, DdlRenderer.render(changes), risks, unmodeled);
    } finally {
      live.rollback();
      live.setAutoCommit(autoCommit);
    }
  }

  /**
   * Applies a plan: one transaction for everything that can share one; a change that cannot run in a
   * transaction (CONCURRENTLY) runs alone in autocommit, and a change whose result is usable only
   * once committed (a new enum value) ends the transaction it is in. On failure the current
   * transaction rolls back and the error names the statement.
   */
  public static void apply(String url, Plan plan) {
    try (Connection c = PgUrl.parse(url).connect()) {
      c.setAutoCommit(false);
      for (Change change : plan.changes()) {
        List<String> sql = DdlRenderer.render(List.of(change));
        if (change.requiresNoTransaction()) {
          c.commit();
          c.setAutoCommit(true);
          run(c, sql);
          c.setAutoCommit(false);
        } else {
          run(c, sql);
          if (change.requiresCommitAfter()) c.commit();
        }
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static void run(Connection c, List<String> statements) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String s : statements) {
        try {
          st.execute(s);
        } catch (SQLException e) {
          if (!c.getAutoCommit()) c.rollback();
          throw new SQLException("push failed (" + e.getSQLState() + "): " + e.getMessage() + "\n  statement: " + s,
              e.getSQLState(), e);
        }
      }
    }
  }
}
