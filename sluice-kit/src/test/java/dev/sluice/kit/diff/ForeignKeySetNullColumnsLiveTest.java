package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.kit.pull.JavaSchemaGenerator;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.schema.Column;
import dev.sluice.schema.Namespace;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.ForeignKeyModel.Action;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code ON DELETE SET NULL (cols)} (PostgreSQL 15+) survives every path: DSL, introspection, rendered
 * DDL, diff, snapshot and pull. Without the column list a composite tenant key {@code (team_id, x)}
 * would null {@code team_id} too when the referenced row goes, or the model would silently turn one
 * action into the other.
 */
@PgTest
public class ForeignKeySetNullColumnsLiveTest {
  static final String SCHEMA = "sec12_fkcols";
  static final Namespace NS = Namespace.of(SCHEMA);

  static final class Members extends Table<Members> {
    static final Members MEMBERS = new Members();
    final Column<Integer> team = integer("team").notNull();
    final Column<Integer> member = integer("member").notNull();

    Members() {
      super(NS, "members");
      primaryKey(team, member);
    }
  }

  static final class Jobs extends Table<Jobs> {
    static final Jobs JOBS = new Jobs();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<Integer> team = integer("team").notNull();
    final Column<Integer> assignee = integer("assignee");

    Jobs() {
      super(NS, "jobs");
      foreignKey(List.of(team, assignee), () -> List.of(Members.MEMBERS.team, Members.MEMBERS.member))
          .onDeleteSetNull(assignee);
    }
  }

  /** The two tables' model: jobs (team, assignee) -> members ON DELETE SET NULL (assignee). */
  public static SchemaModel code() {
    return Schema.of(Members.MEMBERS, Jobs.JOBS).toModel();
  }

  static ForeignKeyModel fk(SchemaModel m) {
    return m.table(SCHEMA, "jobs").orElseThrow().foreignKeys().get(0);
  }

  @Test
  void theDslKeepsTheColumnListAndTheRenderedDdlCarriesIt() {
    assertThat(fk(code()).onDelete()).isEqualTo(Action.SET_NULL);
    assertThat(fk(code()).onDeleteColumns()).containsExactly("assignee");
    assertThat(DdlRenderer.script(Differ.diff(SchemaModel.EMPTY, code())))
        .contains("REFERENCES sec12_fkcols.members (team, member) ON DELETE SET NULL (assignee)");
  }

  @Test
  void introspectionReadsItBackSoTheCreatedDatabaseHasNoDriftAndDeletingNullsOnlyThoseColumns(PgTestContext pg)
      throws Exception {
    pg.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    pg.execute(DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, code())).toArray(String[]::new));
    SchemaModel live;
    try (Connection c = pg.connect()) {
      live = Introspector.introspect(c, IntrospectOptions.schemas(SCHEMA));
    }
    assertThat(fk(live).onDeleteColumns()).containsExactly("assignee");
    assertThat(Differ.diff(live, code())).isEmpty();
    pg.execute("INSERT INTO " + SCHEMA + ".members VALUES (1, 7)", "INSERT INTO " + SCHEMA + ".jobs VALUES (1, 1, 7)",
        "DELETE FROM " + SCHEMA + ".members");
    try (Connection c = pg.connect(); var rs = c.createStatement().executeQuery("SELECT team, assignee FROM " + SCHEMA + ".jobs")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getObject(2)).isNull();
    }
    pg.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
  }

  @Test
  void changingTheColumnListRebuildsTheForeignKey() {
    SchemaModel plain = withFk(code(), new ForeignKeyModel(fk(code()).name(), List.of("team", "assignee"), SCHEMA, "members",
        List.of("team", "member"), Action.SET_NULL, null, null, false, false, false));
    List<String> ddl = DdlRenderer.render(Differ.diff(plain, code()));
    assertThat(ddl).anySatisfy(s -> assertThat(s).contains("DROP CONSTRAINT jobs_team_assignee_fkey"))
        .anySatisfy(s -> assertThat(s).endsWith("ON DELETE SET NULL (assignee)"));
  }

  @Test
  void aListOfAllColumnsIsThePlainActionAndAListNeedsSetNullOrSetDefault() {
    ForeignKeyModel all = new ForeignKeyModel("f", List.of("a", "b"), "s", "t", List.of("x", "y"), Action.SET_NULL, null, null,
        false, false, false, List.of("b", "a"));
    assertThat(all.onDeleteColumns()).isEmpty();
    assertThatThrownBy(() -> new ForeignKeyModel("f", List.of("a", "b"), "s", "t", List.of("x", "y"), Action.CASCADE, null,
        null, false, false, false, List.of("b"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SET NULL");
    assertThatThrownBy(() -> new ForeignKeyModel("f", List.of("a", "b"), "s", "t", List.of("x", "y"), Action.SET_DEFAULT,
        null, null, false, false, false, List.of("c"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void snapshotsKeepTheListAndOmitItWhenEmptySoOldSnapshotsReadUnchanged() {
    String json = SnapshotJson.write(code());
    assertThat(json).contains("\"onDeleteColumns\" : [ \"assignee\" ]");
    assertThat(SnapshotJson.read(json)).isEqualTo(code());
    SchemaModel plain = withFk(code(), fk(code()).withName("plain"));
    SchemaModel noList = withFk(code(), new ForeignKeyModel("plain", List.of("team", "assignee"), SCHEMA, "members",
        List.of("team", "member"), Action.SET_NULL, null, null, false, false, false));
    String old = SnapshotJson.write(noList);
    assertThat(old).doesNotContain("onDeleteColumns");
    assertThat(SnapshotJson.read(old)).isEqualTo(noList).isNotEqualTo(plain);
  }

  @Test
  void pullWritesOnDeleteSetNullWithTheColumns() {
    String sources = JavaSchemaGenerator.generate(code(), "x.db").values().stream().collect(Collectors.joining("\n"));
    assertThat(sources).contains(".onDeleteSetNull(assignee)").doesNotContain("Action.SET_NULL");
    // compiled back, the pulled code is the same model: PullSetNullColumnsRoundTripTest
  }

  private static SchemaModel withFk(SchemaModel m, ForeignKeyModel fk) {
    TableModel t = m.table(SCHEMA, "jobs").orElseThrow();
    TableModel changed = new TableModel(t.schema(), t.name(), t.columns(), t.primaryKey(), List.of(fk), t.uniques(),
        t.checks(), t.exclusions(), t.indexes(), t.partitioning(), t.rlsEnabled(), t.rlsForced(), t.policies(), t.comment(),
        t.options());
    return new SchemaModel(m.schemas(), m.extensions(), m.roles(), m.enums(), m.domains(), m.sequences(),
        m.tables().stream().map(x -> x.name().equals("jobs") ? changed : x).toList(), m.views(), m.grants(),
        m.functions(), m.triggers(), m.compositeTypes());
  }
}
