package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.UnmodeledObjects;
import dev.sluice.runtime.PgUrl;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.SequenceModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sequence {@code OWNED BY} a column that does not read as serial (Rails' and GitLab's structure.sql: an
 * {@code integer} id over a {@code bigint} sequence): modeled, pulled, recreated with an identical pg_dump, and
 * diffed so that a dropped owner never takes a kept sequence along and a dropped table never leaves the plan
 * dropping a sequence that is already gone.
 */
@PgTest
class SequenceOwnedByLiveTest {
  static final String SCHEMA = """
      CREATE SCHEMA own;
      CREATE SEQUENCE own.users_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
      CREATE TABLE own.users (id integer NOT NULL DEFAULT nextval('own.users_id_seq'::regclass), legacy_id integer, name text);
      ALTER SEQUENCE own.users_id_seq OWNED BY own.users.id;
      CREATE SEQUENCE own.tickets_seq AS integer;
      CREATE TABLE own.notes (id bigint NOT NULL, body text);
      """;

  private static void run(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static void apply(String url, SchemaModel from, SchemaModel to) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      for (String ddl : DdlRenderer.render(Differ.diff(from, to))) st.execute(ddl);
    }
  }

  private static SequenceModel sequence(SchemaModel m, String name) {
    return m.sequences().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static SchemaModel withSequences(SchemaModel m, java.util.function.UnaryOperator<SequenceModel> f) {
    return new SchemaModel(m.schemas(), m.extensions(), m.roles(), m.enums(), m.domains(),
        m.sequences().stream().map(f).toList(), m.tables(), m.views(), m.grants(), m.functions(), m.triggers(),
        m.compositeTypes(), m.schemaComments(), m.distributions(), m.externalTables(), m.aggregates(), m.statistics(),
        m.rules(), m.publications(), m.eventTriggers(), m.externalFunctions(), m.defaultPrivileges(), m.collations(),
        m.rangeTypes());
  }

  private static SequenceModel owned(SequenceModel s, String table, String column) {
    return new SequenceModel(s.schema(), s.name(), s.dataType(), s.options(), s.comment(), table, column);
  }

  @Test
  void anOwnedSequenceThatIsNotSerialIsPulledAndRecreatedExactly(PgTestContext pg) throws Exception {
    String source = pg.server().createDatabase("own_src");
    String copy = pg.server().createDatabase("own_copy");
    try {
      run(source, SCHEMA);
      SchemaModel live = ObjectsPullLiveTest.introspect(source);
      SequenceModel seq = sequence(live, "users_id_seq");
      assertThat(seq.ownedByTable() + "." + seq.ownedByColumn()).isEqualTo("users.id");
      assertThat(live.table("own", "users").orElseThrow().column("id").orElseThrow().defaultExpr()).contains("users_id_seq");
      try (Connection c = PgUrl.parse(source).connect()) {
        assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).isEmpty();
      }
      Map<String, String> sources = JavaSchemaGenerator.generate(live, "own.db", "OwnSchema", "own");
      assertThat(sources.get("own/db/OwnSchema.java")).contains(".ownedBy(\"users\", \"id\")");
      SchemaModel code = GeneratedSchema.load(sources, "own.db.OwnSchema").toModel();
      assertThat(code).isEqualTo(live);
      ObjectsPullLiveTest.createFromNothing(copy, code);
      ObjectsPullLiveTest.assertRecreates(copy, source, live);
    } finally {
      pg.server().dropDatabase(copy);
      pg.server().dropDatabase(source);
    }
  }

  @Test
  void ownersChangeAndDropWithoutLosingAKeptSequence(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("own_changes");
    try {
      run(url, SCHEMA);
      run(url, "SELECT nextval('own.users_id_seq'), nextval('own.users_id_seq')");
      SchemaModel live = ObjectsPullLiveTest.introspect(url);

      // the owner moves to another column, then the old owner column is dropped: the sequence stays, value kept
      SchemaModel moved = withSequences(live, s -> s.name().equals("users_id_seq") ? owned(s, "users", "legacy_id") : s);
      List<String> plan = DdlRenderer.render(Differ.diff(live, moved));
      assertThat(plan).containsExactly("ALTER SEQUENCE own.users_id_seq OWNED BY NONE",
          "ALTER SEQUENCE own.users_id_seq OWNED BY own.users.legacy_id");
      apply(url, live, moved);
      assertThat(ObjectsPullLiveTest.introspect(url)).isEqualTo(moved);

      // a free sequence gains an owner in a new table
      SchemaModel owning = withSequences(moved, s -> s.name().equals("tickets_seq") ? owned(s, "notes", "id") : s);
      apply(url, moved, owning);
      assertThat(ObjectsPullLiveTest.introspect(url)).isEqualTo(owning);

      // the owning table is dropped, the sequence kept and no longer owned: released first, so it survives
      SchemaModel dropped = withSequences(new SchemaModel(owning.schemas(), owning.extensions(), owning.roles(), owning.enums(),
          owning.domains(), owning.sequences(), owning.tables().stream().filter(t -> !t.name().equals("notes")).toList(),
          owning.views(), owning.grants(), owning.compositeTypes()), s -> s.name().equals("tickets_seq") ? owned(s, null, null) : s);
      List<String> dropPlan = DdlRenderer.render(Differ.diff(owning, dropped));
      assertThat(dropPlan.get(0)).isEqualTo("ALTER SEQUENCE own.tickets_seq OWNED BY NONE");
      apply(url, owning, dropped);
      assertThat(ObjectsPullLiveTest.introspect(url)).isEqualTo(dropped);

      // everything dropped: the owned sequence is released before its table, so DROP SEQUENCE still finds it
      SchemaModel nothing = SchemaModel.EMPTY;
      List<String> all = DdlRenderer.render(Differ.diff(dropped, nothing));
      assertThat(all.indexOf("ALTER SEQUENCE own.users_id_seq OWNED BY NONE")).isNotNegative()
          .isLessThan(all.indexOf("DROP TABLE own.users"));
      apply(url, dropped, nothing);
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'own'")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    } finally {
      pg.server().dropDatabase(url);
    }
  }
}
