package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * migra's convergence test, per {@link ChangeFixtures} pair: create {@code from} in the database,
 * insert rows, apply {@code diff(from, to)} statement by statement (each in its own transaction, as
 * a migrator splitting at {@link Change#requiresNoTransaction()} and {@link Change#requiresCommitAfter()}
 * may), check the rows that must survive; then the down migration {@code diff(to, from, reversed)}
 * must apply too. When {@code dev.sluice.kit.introspect.Introspector} is on the classpath, the
 * database is introspected after each step and compared with a shadow database holding the target:
 * the re-diff must be empty.
 */
@PgTest
class ConvergenceLiveTest {

  @TestFactory
  Stream<DynamicTest> everyFixtureConverges(PgTestContext db) {
    return ChangeFixtures.all().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> converge(db, f)));
  }

  private static void converge(PgTestContext db, ChangeFixtures.Fixture f) throws Exception {
    for (String ext : f.extensions()) {
      Assumptions.assumeTrue(db.server().hasExtension(ext), "extension " + ext + " is not installed: skipping " + f.name());
    }
    apply(db, Differ.diff(SchemaModel.EMPTY, f.from()), "create " + f.name());
    for (String s : f.seed()) db.execute(s);
    apply(db, Differ.diff(f.from(), f.to(), f.options()), "up " + f.name());
    for (Map.Entry<String, String> e : f.expect().entrySet()) {
      assertThat(Catalog.value(db, e.getKey())).as(f.name() + ": " + e.getKey()).isEqualTo(e.getValue());
    }
    assertConverged(db, f.name(), f.to());
    apply(db, Differ.diff(f.to(), f.from(), f.options().reversed()), "down " + f.name());
    assertConverged(db, f.name(), f.from());
  }

  private static void apply(PgTestContext db, List<Change> changes, String what) throws SQLException {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      for (Change ch : changes) {
        String sql = DdlRenderer.render(ch);
        try {
          st.execute(sql);
        } catch (SQLException e) {
          throw new AssertionError(what + ": " + e.getMessage() + "\nin statement:\n" + sql, e);
        }
      }
    }
  }

  /**
   * When the introspector exists: the migrated database and a SHADOW database created directly from
   * {@code expected} are both introspected (so SQL text is compared in PostgreSQL's printed form on
   * both sides), and the diff between them must be empty.
   */
  private static void assertConverged(PgTestContext db, String name, SchemaModel expected) throws Exception {
    Class<?> introspector;
    Class<?> optionsType;
    try {
      introspector = Class.forName("dev.sluice.kit.introspect.Introspector");
      optionsType = Class.forName("dev.sluice.kit.introspect.IntrospectOptions");
    } catch (ClassNotFoundException e) {
      return; // introspection not merged yet: the statements ran and the rows survived, which is checked above
    }
    Object options = optionsType.getMethod("all").invoke(null);
    Method introspect = introspector.getMethod("introspect", Connection.class, optionsType);
    String shadowUrl = db.server().createDatabase("shadow_" + name);
    try {
      try (Connection c = java.sql.DriverManager.getConnection(shadowUrl); Statement st = c.createStatement()) {
        for (String sql : DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, expected))) st.execute(sql);
      }
      SchemaModel want;
      try (Connection c = java.sql.DriverManager.getConnection(shadowUrl)) {
        want = only(name, (SchemaModel) introspect.invoke(null, c, options));
      }
      SchemaModel actual;
      try (Connection c = db.connect()) {
        actual = only(name, (SchemaModel) introspect.invoke(null, c, options));
      }
      List<Change> rest = Differ.diff(actual, want, DiffOptions.NONE.allowDropAndCreate());
      assertThat(DdlRenderer.render(rest)).as(name + ": re-diff against a shadow database created from the target").isEmpty();
    } finally {
      db.server().dropDatabase(shadowUrl);
    }
  }

  /** The part of a model in the fixture's schemas (fixtures share one database, each in its own schema). */
  private static SchemaModel only(String name, SchemaModel m) {
    java.util.function.Predicate<String> mine = s -> s != null && s.startsWith(name);
    return new SchemaModel(m.schemas().stream().filter(mine).toList(), List.of(), List.of(),
        m.enums().stream().filter(x -> mine.test(x.schema())).toList(),
        m.domains().stream().filter(x -> mine.test(x.schema())).toList(),
        m.sequences().stream().filter(x -> mine.test(x.schema())).toList(),
        m.tables().stream().filter(x -> mine.test(x.schema())).toList(),
        m.views().stream().filter(x -> mine.test(x.schema())).toList(),
        m.grants().stream().filter(x -> mine.test(x.schema()) || mine.test(x.name())).toList());
  }

  @SuppressWarnings("unused")
  private static List<String> rows(PgTestContext db, String sql) throws SQLException {
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) out.add(rs.getString(1));
      return out;
    }
  }
}
