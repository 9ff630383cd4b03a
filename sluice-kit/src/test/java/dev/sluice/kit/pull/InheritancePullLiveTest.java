package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.UnmodeledObjects;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.schema.model.InheritedColumnModel;
import dev.sluice.schema.model.ParentTable;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Table inheritance pulled whole: a parent with a check and a default, a child that merges a column
 * with its parent and has a primary key on an inherited column, a child of two parents and a
 * grandchild. Introspection lists only the columns each table declares; the pulled Java compiles to
 * the same model, creates the same catalog (pg_dump equal on a PostgreSQL 15 server) and nothing is
 * left unmodeled; so do children's own defaults and NOT NULL on columns they only inherit.
 */
@PgTest
class InheritancePullLiveTest {
  static final String SQL = """
      CREATE SCHEMA inh;
      CREATE TABLE inh.event (id bigint NOT NULL, at timestamp with time zone DEFAULT now(),
        CONSTRAINT event_id_check CHECK (id > 0));
      CREATE TABLE inh.tagged (tag text);
      CREATE TABLE inh.login (user_name text, at timestamp with time zone NOT NULL,
        CONSTRAINT login_pkey PRIMARY KEY (id)) INHERITS (inh.event);
      CREATE INDEX login_user_name_idx ON inh.login (user_name);
      CREATE TABLE inh.session (id bigint PRIMARY KEY, started timestamp with time zone);
      CREATE TABLE inh.audit (detail jsonb, session_id bigint REFERENCES inh.session (id),
        CONSTRAINT audit_detail_check CHECK (detail IS NOT NULL)) INHERITS (inh.event, inh.tagged);
      CREATE TABLE inh.urgent (level integer DEFAULT 1) INHERITS (inh.login);
      INSERT INTO inh.login (id, at, user_name) VALUES (1, now(), 'ann');
      INSERT INTO inh.urgent (id, at, user_name, level) VALUES (2, now(), 'bob', 3);
      """;

  @Test
  void inheritedTablesPullToJavaThatRecreatesTheSchemaExactly(PgTestContext pg) throws Exception {
    String src = pg.server().createDatabase("inherits13_src");
    String copy = pg.server().createDatabase("inherits13_copy");
    try {
      run(src, SQL);
      SchemaModel live = ObjectsPullLiveTest.introspect(src);
      Map<String, TableModel> tables = new java.util.HashMap<>();
      for (TableModel t : live.tables()) tables.put(t.name(), t);
      assertThat(tables.get("login").inherits()).containsExactly(new ParentTable("inh", "event"));
      assertThat(tables.get("login").columns()).extracting(c -> c.name()).containsExactly("at", "user_name");
      assertThat(tables.get("login").checks()).isEmpty();
      assertThat(tables.get("audit").inherits()).containsExactly(new ParentTable("inh", "event"), new ParentTable("inh", "tagged"));
      assertThat(tables.get("audit").columns()).extracting(c -> c.name()).containsExactly("detail", "session_id");
      assertThat(tables.get("audit").checks()).extracting(k -> k.name()).containsExactly("audit_detail_check");
      assertThat(tables.get("urgent").inherits()).containsExactly(new ParentTable("inh", "login"));
      assertThat(tables.get("urgent").columns()).extracting(c -> c.name()).containsExactly("level");
      try (Connection c = DriverManager.getConnection(src)) {
        assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).isEmpty();
      }
      assertThat(SnapshotJson.read(SnapshotJson.write(live))).isEqualTo(live);

      Map<String, String> sources = JavaSchemaGenerator.generate(live, "inh.db", "InhSchema", "inh");
      assertThat(sources.values()).anyMatch(s -> s.contains("inherits(() -> Login.LOGIN)"));
      SchemaModel code;
      try {
        code = GeneratedSchema.load(sources, "inh.db.InhSchema").toModel();
      } catch (RuntimeException | Error e) {
        throw new AssertionError(e + "\n" + String.join("\n", sources.values()), e);
      }
      assertThat(code).isEqualTo(live);

      List<String> ddl = DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, code));
      try (Connection c = DriverManager.getConnection(copy); Statement st = c.createStatement()) {
        for (String s : ddl) {
          try {
            st.execute(s);
          } catch (java.sql.SQLException e) {
            throw new AssertionError(e.getMessage() + "\nin:\n" + s, e);
          }
        }
      }
      run(copy, "INSERT INTO inh.login (id, at, user_name) VALUES (1, now(), 'ann');"
          + " INSERT INTO inh.urgent (id, at, user_name, level) VALUES (2, now(), 'bob', 3)");
      assertThat(value(copy, "SELECT string_agg(id::text, ',' ORDER BY id) FROM inh.event")).isEqualTo("1,2");
      ObjectsPullLiveTest.assertRecreates(copy, src, live);
    } finally {
      pg.server().dropDatabase(copy);
      pg.server().dropDatabase(src);
    }
  }

  @Test
  void childrensOwnDefaultsAndNotNullOnInheritedColumnsPullToJavaThatRecreatesTheSchemaExactly(PgTestContext pg)
      throws Exception {
    String src = pg.server().createDatabase("partcons_inh_src");
    String copy = pg.server().createDatabase("partcons_inh_copy");
    try {
      run(src, SQL + "ALTER TABLE inh.urgent ALTER COLUMN user_name SET DEFAULT 'x';"
          + " ALTER TABLE inh.audit ALTER COLUMN tag SET NOT NULL; ALTER TABLE inh.audit ALTER COLUMN at DROP DEFAULT;"
          + " ALTER TABLE inh.urgent ALTER COLUMN id SET DEFAULT 0;");
      SchemaModel live = ObjectsPullLiveTest.introspect(src);
      Map<String, TableModel> tables = new java.util.HashMap<>();
      for (TableModel t : live.tables()) tables.put(t.name(), t);
      assertThat(tables.get("audit").inheritedColumns()).containsExactly(new InheritedColumnModel("at", null, true, false),
          new InheritedColumnModel("tag", null, false, true));
      assertThat(tables.get("urgent").inheritedColumns()).containsExactly(new InheritedColumnModel("id", "0", false, false),
          new InheritedColumnModel("user_name", "'x'::text", false, false));
      assertThat(tables.get("login").inheritedColumns()).as("login declares at itself: its column, not an override").isEmpty();
      assertThat(tables.get("event").inheritedColumns()).isEmpty();
      try (Connection c = DriverManager.getConnection(src)) {
        assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).isEmpty();
      }
      assertThat(SnapshotJson.read(SnapshotJson.write(live))).isEqualTo(live);

      Map<String, String> sources = JavaSchemaGenerator.generate(live, "inh.db", "InhSchema", "inh");
      assertThat(sources.values()).anyMatch(x -> x.contains("inheritedColumn(\"tag\").notNull()"))
          .anyMatch(x -> x.contains("inheritedColumn(\"at\").noDefault()"));
      SchemaModel code;
      try {
        code = GeneratedSchema.load(sources, "inh.db.InhSchema").toModel();
      } catch (RuntimeException | Error e) {
        throw new AssertionError(e + "\n" + String.join("\n", sources.values()), e);
      }
      assertThat(code).isEqualTo(live);
      try (Connection c = DriverManager.getConnection(copy); Statement st = c.createStatement()) {
        for (String x : DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, code))) {
          try {
            st.execute(x);
          } catch (java.sql.SQLException e) {
            throw new AssertionError(e.getMessage() + "\nin:\n" + x, e);
          }
        }
      }
      run(copy, "INSERT INTO inh.login (id, at, user_name) VALUES (1, now(), 'ann');"
          + " INSERT INTO inh.urgent (id, at, user_name, level) VALUES (2, now(), 'bob', 3)");
      ObjectsPullLiveTest.assertRecreates(copy, src, live);
    } finally {
      pg.server().dropDatabase(copy);
      pg.server().dropDatabase(src);
    }
  }

  private static void run(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String value(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

}
