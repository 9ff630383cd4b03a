package dev.sluice.kit.diff;

import static dev.sluice.kit.SchemaDumps.PG_DUMP;
import static dev.sluice.kit.SchemaDumps.dump;
import static dev.sluice.kit.SchemaDumps.serverMajor;
import static dev.sluice.kit.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.schema.model.DefaultPrivilegeModel;
import dev.sluice.schema.model.GrantModel;
import dev.sluice.schema.model.RoleModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.ViewModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Convergence of column grants, the public schema's privileges for PUBLIC and default privileges,
 * each in a database of its own (they are database-wide or touch schema public): create {@code from},
 * apply {@code diff(from, to)}, then the database must introspect equal to, re-diff empty against
 * and (when the local pg_dump can dump the server) {@code pg_dump --schema-only} identically to a
 * database created from {@code to}; the same for the way down.
 */
@PgTest
class AccessConvergenceLiveTest {
  private static final String READER = "acl_conv_reader";
  private static final String WRITER = "acl_conv_writer";
  private static final String OWNER = "acl_conv_owner";

  record Fixture(String name, SchemaModel from, SchemaModel to, List<String> up) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static SchemaModel model(String schema, Object... objects) {
    Tables.SchemaModelBuilder b = Tables.schema().schemas(schema).add(RoleModel.of(READER)).add(RoleModel.of(WRITER))
        .add(RoleModel.of(OWNER));
    for (Object o : objects) b.add(o);
    return b.build();
  }

  private static Tables film(String s) {
    return table(s, "film").notNull("id", "integer").column("title", "text").column("secret", "text").column("rate", "numeric")
        .primaryKey("film_pkey", "id");
  }

  static List<Fixture> fixtures() {
    List<Fixture> out = new ArrayList<>();
    String s = "acl_cols";
    ViewModel v = new ViewModel(s, "v", "SELECT id, title FROM acl_cols.film", false, false, false, null, false, null, null);
    // column grants appear, change per column and privilege, and go; the table grant beside them stays
    out.add(new Fixture("acl_columns",
        model(s, film(s), v, new GrantModel("TABLE", s, "film", WRITER, List.of("INSERT")),
            GrantModel.columns(s, "film", READER, List.of("SELECT"), List.of("id", "title")),
            GrantModel.columns(s, "film", READER, List.of("UPDATE"), List.of("rate")),
            GrantModel.columns(s, "film", WRITER, List.of("REFERENCES"), List.of("id"))),
        model(s, film(s), v, new GrantModel("TABLE", s, "film", WRITER, List.of("INSERT")),
            GrantModel.columns(s, "film", READER, List.of("SELECT"), List.of("id")),
            GrantModel.columns(s, "film", READER, List.of("SELECT", "UPDATE"), List.of("title")),
            GrantModel.columns(s, "film", READER, List.of("INSERT"), List.of("id", "rate")),
            GrantModel.columns(s, "v", WRITER, List.of("SELECT"), List.of("title"))),
        List.of("REVOKE UPDATE (rate) ON TABLE acl_cols.film FROM acl_conv_reader",
            "REVOKE REFERENCES (id) ON TABLE acl_cols.film FROM acl_conv_writer",
            "GRANT INSERT (id, rate) ON TABLE acl_cols.film TO acl_conv_reader",
            "GRANT UPDATE (title) ON TABLE acl_cols.film TO acl_conv_reader",
            "GRANT SELECT (title) ON TABLE acl_cols.v TO acl_conv_writer")));
    // a pre-15 style public schema (PUBLIC may create) and back to the server's default
    out.add(new Fixture("acl_public_all", model("acl_pub1", film("acl_pub1")),
        model("acl_pub1", film("acl_pub1"), GrantModel.publicSchema(List.of("CREATE", "USAGE")),
            new GrantModel("SCHEMA", "public", "public", READER, List.of("USAGE"))),
        List.of("GRANT CREATE, USAGE ON SCHEMA public TO PUBLIC", "GRANT USAGE ON SCHEMA public TO acl_conv_reader")));
    // PUBLIC loses everything on public, then gets USAGE back without CREATE
    out.add(new Fixture("acl_public_none", model("acl_pub2", GrantModel.publicSchema(List.of())),
        model("acl_pub2", GrantModel.publicSchema(List.of("USAGE"))),
        List.of("GRANT USAGE ON SCHEMA public TO PUBLIC")));
    // default privileges in a schema and database-wide, created after the tables (which keep their own grants)
    String d = "acl_defaults";
    out.add(new Fixture("acl_defaults",
        model(d, film(d), new DefaultPrivilegeModel(OWNER, d, "TABLES", READER, List.of("SELECT")),
            new DefaultPrivilegeModel(OWNER, d, "SEQUENCES", WRITER, List.of("USAGE")),
            new DefaultPrivilegeModel(OWNER, null, "TABLES", WRITER, List.of("INSERT"))),
        model(d, film(d), new GrantModel("TABLE", d, "film", READER, List.of("SELECT")),
            new DefaultPrivilegeModel(OWNER, d, "TABLES", READER, List.of("SELECT", "UPDATE")),
            new DefaultPrivilegeModel(OWNER, d, "FUNCTIONS", WRITER, List.of("EXECUTE")),
            new DefaultPrivilegeModel(OWNER, null, "FUNCTIONS", "PUBLIC", List.of()),
            new DefaultPrivilegeModel(OWNER, null, "TYPES", "PUBLIC", List.of()),
            new DefaultPrivilegeModel(OWNER, null, "TABLES", OWNER, List.of("DELETE", "INSERT", "SELECT", "UPDATE")),
            new DefaultPrivilegeModel(OWNER, null, "SCHEMAS", READER, List.of("USAGE"))),
        List.of("ALTER DEFAULT PRIVILEGES FOR ROLE acl_conv_owner IN SCHEMA acl_defaults GRANT UPDATE ON TABLES TO acl_conv_reader",
            "ALTER DEFAULT PRIVILEGES FOR ROLE acl_conv_owner IN SCHEMA acl_defaults REVOKE USAGE ON SEQUENCES FROM acl_conv_writer",
            "ALTER DEFAULT PRIVILEGES FOR ROLE acl_conv_owner REVOKE ALL ON FUNCTIONS FROM PUBLIC",
            "ALTER DEFAULT PRIVILEGES FOR ROLE acl_conv_owner REVOKE INSERT ON TABLES FROM acl_conv_writer",
            "ALTER DEFAULT PRIVILEGES FOR ROLE acl_conv_owner GRANT DELETE, INSERT, SELECT, UPDATE ON TABLES TO acl_conv_owner",
            "ALTER DEFAULT PRIVILEGES FOR ROLE acl_conv_owner GRANT USAGE ON SCHEMAS TO acl_conv_reader")));
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyGrantAndDefaultPrivilegeChangeConverges(PgTestContext db) {
    return fixtures().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> converge(db, f)));
  }

  @Test
  void defaultPrivilegesAreSetAfterTheGrantsSoTheNewTablesKeepTheirOwn() {
    SchemaModel to = fixtures().get(3).to();
    List<String> sql = DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, to));
    int table = indexOf(sql, "CREATE TABLE acl_defaults.film");
    int grant = indexOf(sql, "GRANT SELECT ON TABLE acl_defaults.film");
    int defaults = indexOf(sql, "ALTER DEFAULT PRIVILEGES");
    assertThat(table).isLessThan(grant);
    assertThat(grant).isLessThan(defaults);
  }

  @Test
  void thePublicSchemaGoesBackToTheServersDefaultWhicheverVersionRunsIt() {
    SchemaModel none = model("acl_pub3", GrantModel.publicSchema(List.of()));
    assertThat(DdlRenderer.render(Differ.diff(none, model("acl_pub3")))).anyMatch(x -> x.startsWith("DO $sluice$")
        && x.contains("server_version_num") && x.contains("GRANT USAGE ON SCHEMA public TO PUBLIC"));
    assertThat(Differ.diff(model("acl_pub3"), model("acl_pub3"))).isEmpty();
  }

  private static int indexOf(List<String> sql, String prefix) {
    for (int i = 0; i < sql.size(); i++) if (sql.get(i).startsWith(prefix)) return i;
    throw new AssertionError("no statement starts with " + prefix + " in\n" + String.join(";\n", sql));
  }

  private static void converge(PgTestContext db, Fixture f) throws Exception {
    String url = db.server().createDatabase(f.name());
    try {
      apply(url, Differ.diff(SchemaModel.EMPTY, f.from()), "create " + f.name());
      List<Change> up = Differ.diff(f.from(), f.to());
      String script = DdlRenderer.script(up);
      for (String t : f.up()) assertThat(script).as(f.name() + " up migration").contains(t);
      apply(url, up, "up " + f.name());
      assertConverged(db, f.name(), url, f.to());
      apply(url, Differ.diff(f.to(), f.from()), "down " + f.name());
      assertConverged(db, f.name(), url, f.from());
    } finally {
      db.server().dropDatabase(url);
    }
  }

  private static void apply(String url, List<Change> changes, String what) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
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

  private static void assertConverged(PgTestContext db, String name, String url, SchemaModel expected) throws Exception {
    String shadow = db.server().createDatabase("shadow_" + name);
    try {
      apply(shadow, Differ.diff(SchemaModel.EMPTY, expected), "shadow of " + name);
      SchemaModel want = introspect(shadow);
      SchemaModel actual = introspect(url);
      assertThat(actual.grants()).as(name + ": grants").isEqualTo(want.grants());
      assertThat(actual.defaultPrivileges()).as(name + ": default privileges").isEqualTo(want.defaultPrivileges());
      assertThat(actual).as(name).isEqualTo(want);
      assertThat(DdlRenderer.render(Differ.diff(actual, want))).as(name + ": re-diff against the shadow").isEmpty();
      if (Files.isExecutable(PG_DUMP) && serverMajor(url) <= 15) {
        assertThat(dump(url)).as(name + ": pg_dump").isEqualTo(dump(shadow));
      } else {
        System.out.println("NOTICE: pg_dump equality skipped for " + name + ": " + PG_DUMP + " cannot dump this server");
      }
    } finally {
      db.server().dropDatabase(shadow);
    }
  }

  private static SchemaModel introspect(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return Introspector.introspect(c, IntrospectOptions.all());
    }
  }

}
