package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The convergence run the object-kind live tests share, migra style: create {@code from}, insert
 * rows, apply {@code diff(from, to)} statement by statement, check the up script's texts and the
 * expected values, then the database introspected must equal (per the test's {@link Compare}) and
 * re-diff empty against a shadow database created from {@code to}; the same for the down migration,
 * unless PostgreSQL must refuse it ({@code downFails}).
 */
final class ConvergenceRun {
  private ConvergenceRun() {}

  /** The part of an introspected model a test looks at (its fixture's schemas). */
  interface Only {
    SchemaModel of(String name, SchemaModel m);
  }

  /** What of the database must equal the shadow's, beyond the empty re-diff. */
  interface Compare {
    void check(String name, SchemaModel actual, SchemaModel want);
  }

  /** One fixture's run; {@code downFails} is text of PostgreSQL's error when the down migration cannot run, else null. */
  static void converge(PgTestContext db, String name, SchemaModel from, SchemaModel to, List<String> seed,
      Map<String, String> expect, List<String> mustContain, List<String> mustNotContain, String downFails, Only only,
      Compare compare) throws Exception {
    apply(db, Differ.diff(SchemaModel.EMPTY, from), "create " + name);
    for (String sql : seed) db.execute(sql);
    List<Change> up = Differ.diff(from, to);
    String script = DdlRenderer.script(up);
    for (String t : mustContain) assertThat(script).as(name + " up migration").contains(t);
    for (String t : mustNotContain) assertThat(script).as(name + " up migration").doesNotContain(t);
    apply(db, up, "up " + name);
    for (Map.Entry<String, String> e : expect.entrySet()) {
      assertThat(Catalog.value(db, e.getKey())).as(name + ": " + e.getKey()).isEqualTo(e.getValue());
    }
    assertConverged(db, name, to, only, compare);
    if (downFails != null) {
      assertThatThrownBy(() -> apply(db, Differ.diff(to, from), "down " + name)).hasMessageContaining(downFails);
      apply(db, Differ.diff(to, SchemaModel.EMPTY), "drop " + name);
      return;
    }
    apply(db, Differ.diff(to, from), "down " + name);
    assertConverged(db, name, from, only, compare);
    apply(db, Differ.diff(from, SchemaModel.EMPTY), "drop " + name);
  }

  /** Runs {@code changes} one statement at a time; a failure names the statement and the whole script. */
  static void apply(PgTestContext db, List<Change> changes, String what) throws SQLException {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      for (Change ch : changes) {
        String sql = DdlRenderer.render(ch);
        try {
          st.execute(sql);
        } catch (SQLException e) {
          throw new AssertionError(what + ": " + e.getMessage() + "\nin statement:\n" + sql + "\nof:\n" + DdlRenderer.script(changes), e);
        }
      }
    }
  }

  /** The database against a shadow created from {@code expected}: {@code compare}, then an empty re-diff. */
  static void assertConverged(PgTestContext db, String name, SchemaModel expected, Only only, Compare compare) throws Exception {
    String shadowUrl = db.server().createDatabase("shadow_" + name);
    try {
      try (Connection c = DriverManager.getConnection(shadowUrl); Statement st = c.createStatement()) {
        for (String sql : DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, expected))) st.execute(sql);
      }
      SchemaModel want;
      try (Connection c = DriverManager.getConnection(shadowUrl)) {
        want = only.of(name, Introspector.introspect(c, IntrospectOptions.all()));
      }
      SchemaModel actual;
      try (Connection c = db.connect()) {
        actual = only.of(name, Introspector.introspect(c, IntrospectOptions.all()));
      }
      compare.check(name, actual, want);
      List<Change> rest = Differ.diff(actual, want, DiffOptions.NONE.allowDropAndCreate());
      assertThat(DdlRenderer.render(rest)).as(name + ": re-diff against a shadow database created from the target").isEmpty();
    } finally {
      db.server().dropDatabase(shadowUrl);
    }
  }
}
