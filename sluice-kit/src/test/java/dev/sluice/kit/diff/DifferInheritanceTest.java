package dev.sluice.kit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements and their order for table inheritance ({@link InheritanceFixtures}); the live convergence runs them. */
class DifferInheritanceTest {
  private static List<String> sql(SchemaModel from, SchemaModel to) {
    return DdlRenderer.render(Differ.diff(from, to));
  }

  @Test
  void parentsAreCreatedBeforeTheirChildrenAndDroppedAfterThem() {
    ChangeFixtures.Fixture f = InheritanceFixtures.created();
    List<String> up = sql(f.from(), f.to());
    List<String> creates = up.stream().filter(s -> s.startsWith("CREATE TABLE")).map(s -> s.substring(13, s.indexOf(" (")))
        .toList();
    assertThat(creates.indexOf("fx_inh_created.event")).isLessThan(creates.indexOf("fx_inh_created.login"));
    assertThat(creates.indexOf("fx_inh_created.login")).isLessThan(creates.indexOf("fx_inh_created.urgent"));
    assertThat(creates.indexOf("fx_inh_created.tagged")).isLessThan(creates.indexOf("fx_inh_created.audit"));
    assertThat(up).contains("CREATE TABLE fx_inh_created.audit () INHERITS (fx_inh_created.event, fx_inh_created.tagged)");
    assertThat(up).anyMatch(s -> s.startsWith("CREATE TABLE fx_inh_created.login (") && s.contains("PRIMARY KEY (id)")
        && !s.contains("id bigint") && s.endsWith("INHERITS (fx_inh_created.event)"));
    List<String> down = sql(f.to(), f.from()).stream().filter(s -> s.startsWith("DROP TABLE")).toList();
    assertThat(down.indexOf("DROP TABLE fx_inh_created.urgent")).isLessThan(down.indexOf("DROP TABLE fx_inh_created.login"));
    assertThat(down.indexOf("DROP TABLE fx_inh_created.login")).isLessThan(down.indexOf("DROP TABLE fx_inh_created.event"));
    assertThat(down.indexOf("DROP TABLE fx_inh_created.audit")).isLessThan(down.indexOf("DROP TABLE fx_inh_created.tagged"));
  }

  @Test
  void aTableStartingToInheritGetsTheParentsCheckFirstAndKeepsItsColumns() {
    ChangeFixtures.Fixture f = InheritanceFixtures.linked();
    assertThat(sql(f.from(), f.to())).containsExactly(
        "ALTER TABLE fx_inh_linked.login ADD CONSTRAINT event_id_check CHECK ((id > 0))",
        "ALTER TABLE fx_inh_linked.login INHERIT fx_inh_linked.event");
    assertThat(sql(f.to(), f.from())).containsExactly(
        "ALTER TABLE fx_inh_linked.login NO INHERIT fx_inh_linked.event",
        "ALTER TABLE fx_inh_linked.login DROP CONSTRAINT event_id_check");
  }

  @Test
  void aColumnAddedToAParentIsAddedOnceOnTheParent() {
    ChangeFixtures.Fixture f = InheritanceFixtures.parentColumnAdded();
    assertThat(sql(f.from(), f.to())).containsExactly("ALTER TABLE fx_inh_parent_col.event ADD COLUMN source text");
    assertThat(sql(f.to(), f.from())).containsExactly("ALTER TABLE fx_inh_parent_col.event DROP COLUMN source");
  }

  @Test
  void aDroppedParentIsLeftByItsChildFirst() {
    ChangeFixtures.Fixture f = InheritanceFixtures.parentDropped();
    assertThat(sql(f.from(), f.to())).containsExactly(
        "ALTER TABLE fx_inh_parent_gone.login NO INHERIT fx_inh_parent_gone.event",
        "DROP TABLE fx_inh_parent_gone.event");
    List<String> down = sql(f.to(), f.from());
    assertThat(down).hasSize(2);
    assertThat(down.get(0)).startsWith("CREATE TABLE fx_inh_parent_gone.event (");
    assertThat(down.get(1)).isEqualTo("ALTER TABLE fx_inh_parent_gone.login INHERIT fx_inh_parent_gone.event");
  }

  @Test
  void anIntrospectedChildWhoseMergedColumnsAreListedDiffsEmptyAgainstOneThatOnlyInheritsThem() {
    ChangeFixtures.Fixture f = InheritanceFixtures.linked();
    // after INHERIT, the child's id and at are its own and inherited (attislocal): read back, they are listed
    var merged = f.from().tables().stream().filter(t -> t.name().equals("login")).findFirst().orElseThrow()
        .withInherits(List.of(new dev.sluice.schema.model.ParentTable("fx_inh_linked", "event")));
    merged = merged.withConstraints(null, List.of(), List.of(),
        List.of(new dev.sluice.schema.model.CheckModel("event_id_check", "(id > 0)", false)), List.of(), List.of());
    SchemaModel read = new SchemaModel(f.to().schemas(), null, null, null, null, null,
        List.of(f.to().tables().stream().filter(t -> t.name().equals("event")).findFirst().orElseThrow(), merged), null, null);
    assertThat(Differ.diff(read, f.to())).isEmpty();
    assertThat(Differ.diff(f.to(), read)).isEmpty();
  }

  @Test
  void aRenamedOrMovedParentKeepsItsChildrenWithoutNoInherit() {
    ChangeFixtures.Fixture f = InheritanceFixtures.parentColumnAdded();
    SchemaModel from = f.from();
    String s = "fx_inh_parent_col";
    SchemaModel renamed = Tables.schema().schemas(s)
        .add(Tables.table(s, "happening").column(new dev.sluice.schema.model.ColumnModel("id", "bigint", true, null, null, null, null,
            null)).column("at", "timestamp with time zone").check("event_id_check", "(id > 0)"))
        .add(Tables.table(s, "login").column("user_name", "text").inherits(s, "happening")).build();
    assertThat(DdlRenderer.render(Differ.diff(from, renamed,
        DiffOptions.renames(List.of(dev.sluice.schema.RenameHint.table(s, "event", "happening"))))))
        .containsExactly("ALTER TABLE fx_inh_parent_col.event RENAME TO happening");
    SchemaModel moved = Tables.schema().schemas(s, "other")
        .add(Tables.table("other", "event").column(new dev.sluice.schema.model.ColumnModel("id", "bigint", true, null, null, null,
            null, null)).column("at", "timestamp with time zone").check("event_id_check", "(id > 0)"))
        .add(Tables.table(s, "login").column("user_name", "text").inherits("other", "event")).build();
    assertThat(DdlRenderer.render(Differ.diff(from, moved,
        DiffOptions.renames(List.of(dev.sluice.schema.RenameHint.moveTable(s, "event", "other", "event"))))))
        .noneMatch(x -> x.contains("INHERIT"));
  }

  @Test
  void aChildsOwnDefaultIsSetAgainAfterItsParentsNewDefaultReachesIt() {
    ChangeFixtures.Fixture f = InheritanceFixtures.columnOverrides();
    List<String> up = sql(f.from(), f.to());
    String s = "fx_inh_overrides.";
    assertThat(up).containsSubsequence("ALTER TABLE " + s + "event ALTER COLUMN status SET DEFAULT 'open'::text",
        "ALTER TABLE " + s + "login ALTER COLUMN status SET DEFAULT 'login'::text");
    assertThat(up).contains("ALTER TABLE " + s + "login ALTER COLUMN at SET NOT NULL",
        "ALTER TABLE " + s + "audit ALTER COLUMN at DROP NOT NULL", "ALTER TABLE " + s + "audit ALTER COLUMN status DROP DEFAULT",
        "ALTER TABLE " + s + "urgent ALTER COLUMN status SET DEFAULT 'urgent'::text");
    assertThat(up).noneMatch(x -> x.startsWith("ALTER TABLE " + s + "urgent ALTER COLUMN at"));
    assertThat(up.indexOf("ALTER TABLE " + s + "urgent ALTER COLUMN status SET DEFAULT 'urgent'::text"))
        .isGreaterThan(up.indexOf("ALTER TABLE " + s + "login ALTER COLUMN status SET DEFAULT 'login'::text"));
  }

  @Test
  void aChildLeavingItsParentKeepsItsOwnDefaultAsItsColumnsDefault() {
    String s = "fx_inh_leave";
    SchemaModel from = Tables.schema().schemas(s).add(Tables.table(s, "event").column("id", "integer")
            .column(new dev.sluice.schema.model.ColumnModel("status", "text", false, "'new'::text", null, null, null, null)))
        .add(Tables.table(s, "login").inherits(s, "event").inheritedColumn("status", "'login'::text", false, true)).build();
    SchemaModel to = Tables.schema().schemas(s).add(Tables.table(s, "event").column("id", "integer")
            .column(new dev.sluice.schema.model.ColumnModel("status", "text", false, "'new'::text", null, null, null, null)))
        .add(Tables.table(s, "login").column("id", "integer")
            .column(new dev.sluice.schema.model.ColumnModel("status", "text", true, "'login'::text", null, null, null, null)))
        .build();
    assertThat(sql(from, to)).containsExactly("ALTER TABLE fx_inh_leave.login NO INHERIT fx_inh_leave.event");
  }

  @Test
  void anOverrideRepeatingTheParentsDefinitionNeedsNoStatement() {
    String s = "fx_inh_same";
    Tables.SchemaModelBuilder parent = Tables.schema().schemas(s).add(Tables.table(s, "event").column("id", "integer")
        .column(new dev.sluice.schema.model.ColumnModel("status", "text", true, "'new'::text", null, null, null, null)));
    SchemaModel plain = parent.add(Tables.table(s, "login").inherits(s, "event")).build();
    SchemaModel repeated = Tables.schema().schemas(s).add(plain.tables().get(0))
        .add(Tables.table(s, "login").inherits(s, "event").inheritedColumn("status", "'new'::text", false, true)).build();
    assertThat(sql(plain, repeated)).isEmpty();
    assertThat(sql(repeated, plain)).isEmpty();
  }
}
