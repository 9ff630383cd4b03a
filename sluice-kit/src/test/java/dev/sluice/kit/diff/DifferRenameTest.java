package dev.sluice.kit.diff;

import static dev.sluice.kit.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.RenameHint;
import dev.sluice.schema.model.EnumModel;
import dev.sluice.schema.model.SchemaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class DifferRenameTest {

  private static List<String> sql(SchemaModel from, SchemaModel to, DiffOptions options) {
    return DdlRenderer.render(Differ.diff(from, to, options));
  }

  @Test
  void hintsBecomeRenamesAndTheReversedHintsUndoThem() {
    var f = ChangeFixtures.byName("fx_renames");
    assertThat(DifferAlterTest.up(f)).containsExactly(
        "ALTER TABLE fx_renames.users RENAME TO members",
        "ALTER TYPE fx_renames.mood RENAME TO feeling",
        "ALTER TABLE fx_renames.members RENAME COLUMN email TO email_address",
        "ALTER TABLE fx_renames.orders RENAME COLUMN user_id TO member_id",
        "ALTER TYPE fx_renames.feeling RENAME VALUE 'glad' TO 'happy'",
        "ALTER TABLE fx_renames.members RENAME CONSTRAINT users_pkey TO members_pkey",
        "ALTER INDEX fx_renames.users_email_idx RENAME TO members_email_idx");
    assertThat(DifferAlterTest.down(f)).containsExactly(
        "ALTER TABLE fx_renames.members RENAME TO users",
        "ALTER TYPE fx_renames.feeling RENAME TO mood",
        "ALTER TABLE fx_renames.users RENAME COLUMN email_address TO email",
        "ALTER TABLE fx_renames.orders RENAME COLUMN member_id TO user_id",
        "ALTER TYPE fx_renames.mood RENAME VALUE 'happy' TO 'glad'",
        "ALTER TABLE fx_renames.users RENAME CONSTRAINT members_pkey TO users_pkey",
        "ALTER INDEX fx_renames.members_email_idx RENAME TO users_email_idx");
  }

  @Test
  void anAlreadyAppliedHintIsSkipped() {
    var f = ChangeFixtures.byName("fx_renames");
    assertThat(Differ.diff(f.to(), f.to(), f.options())).isEmpty();
  }

  @Test
  void aHintNamingNothingIsAnError() {
    var m = Tables.schema().add(table("public", "users").column("id", "integer")).build();
    assertThatThrownBy(() -> Differ.diff(m, m, DiffOptions.renames(List.of(RenameHint.table("public", "ghosts", "spirits")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rename hint public.ghosts=spirits: the source model has neither table public.ghosts nor table public.spirits;"
            + " check the names in the hint");
  }

  @Test
  void aHintWhoseNewNameTheTargetLacksIsAnError() {
    var from = Tables.schema().add(table("public", "users").column("id", "integer")).build();
    var to = Tables.schema().add(table("public", "members").column("id", "integer")).build();
    assertThatThrownBy(() -> Differ.diff(from, to, DiffOptions.renames(List.of(RenameHint.table("public", "users", "membrs")))))
        .hasMessage("rename hint public.users=membrs: the target model has no table public.membrs");
  }

  @Test
  void aHintTheDiffDoesNotConcernIsSkipped() {
    // e.g. the reversed hint of an older migration meeting a later down migration: the target keeps the old name
    var m = Tables.schema().add(table("public", "users").column("id", "integer")).build();
    assertThat(Differ.diff(m, m, DiffOptions.renames(List.of(RenameHint.table("public", "users", "members"))))).isEmpty();
  }

  @Test
  void constraintsAndIndexesWhoseNameFollowedATableRenameAreRenamedNotRebuilt() {
    var from = Tables.schema().add(table("public", "users").column(dev.sluice.schema.model.ColumnModel.of("id", "integer"))
        .column("email", "text").primaryKey("users_pkey", "id").check("users_id_check", "id > 0")
        .index(Tables.index("users_email_idx", "email"))).build();
    var to = Tables.schema().add(table("public", "members").column(dev.sluice.schema.model.ColumnModel.of("id", "integer"))
        .column("email", "text").primaryKey("members_pkey", "id").check("members_id_check", "id > 0")
        .index(Tables.index("members_email_idx", "email"))).build();
    assertThat(sql(from, to, DiffOptions.renames(List.of(RenameHint.table("public", "users", "members"))))).containsExactly(
        "ALTER TABLE public.users RENAME TO members",
        "ALTER TABLE public.members RENAME CONSTRAINT users_pkey TO members_pkey",
        "ALTER TABLE public.members RENAME CONSTRAINT users_id_check TO members_id_check",
        "ALTER INDEX public.users_email_idx RENAME TO members_email_idx");
  }

  @Test
  void aDroppedAndCreatedTableOfTheSameShapeIsAnAmbiguousRename() {
    var from = Tables.schema().add(table("public", "users").column("id", "integer").column("email", "text")).build();
    var to = Tables.schema().add(table("public", "members").column("id", "integer").column("email", "text")).build();

    assertThatThrownBy(() -> Differ.diff(from, to))
        .isInstanceOf(AmbiguousRenameException.class)
        .hasMessage("possible rename (a drop plus a create of the same shape):\n"
            + "  - table public.users dropped, public.members created\n"
            + "      if renamed: call renamedFrom(\"users\") in the constructor of the table class of members,"
            + " or --rename public.users=members\n"
            + "If these really are drops and creates, say so with DiffOptions.allowDropAndCreate()"
            + " (CLI: --allow-drop-and-create); dropping loses the data.")
        .extracting(e -> ((AmbiguousRenameException) e).candidates())
        .isEqualTo(List.of(RenameHint.table("public", "users", "members")));

    assertThat(sql(from, to, DiffOptions.NONE.allowDropAndCreate())).containsExactly(
        "DROP TABLE public.users", "CREATE TABLE public.members (\n  id integer,\n  email text\n)");
    assertThat(sql(from, to, DiffOptions.renames(List.of(RenameHint.table("public", "users", "members")))))
        .containsExactly("ALTER TABLE public.users RENAME TO members");
  }

  @Test
  void tablesOfDifferentShapesAreNotRenameCandidates() {
    var from = Tables.schema().add(table("public", "users").column("id", "integer").column("email", "text")).build();
    var to = Tables.schema().add(table("public", "events").column("at", "timestamp with time zone")).build();
    assertThat(sql(from, to, DiffOptions.NONE)).containsExactly(
        "DROP TABLE public.users", "CREATE TABLE public.events (\n  at timestamp with time zone\n)");
  }

  @Test
  void aDroppedAndAddedColumnOfTheSameTypeIsAnAmbiguousRename() {
    var from = Tables.schema().add(table("public", "users").column("id", "integer").column("email", "text")).build();
    var to = Tables.schema().add(table("public", "users").column("id", "integer").column("mail", "text")).build();

    assertThatThrownBy(() -> Differ.diff(from, to))
        .isInstanceOf(AmbiguousRenameException.class)
        .hasMessageContaining("column public.users.email dropped, mail added")
        .hasMessageContaining("add .renamedFrom(\"email\") to column mail of users, or --rename public.users.email=mail");
    assertThat(sql(from, to, DiffOptions.NONE.allowDropAndCreate())).containsExactly(
        "ALTER TABLE public.users DROP COLUMN email", "ALTER TABLE public.users ADD COLUMN mail text");
    assertThat(sql(from, to, DiffOptions.renames(List.of(RenameHint.column("public", "users", "email", "mail")))))
        .containsExactly("ALTER TABLE public.users RENAME COLUMN email TO mail");
  }

  @Test
  void aRemovedAndAddedEnumValueIsAnAmbiguousRename() {
    var from = Tables.schema().add(new EnumModel("public", "mood", List.of("sad", "glad"), null)).build();
    var to = Tables.schema().add(new EnumModel("public", "mood", List.of("sad", "happy"), null)).build();

    assertThatThrownBy(() -> Differ.diff(from, to))
        .isInstanceOf(AmbiguousRenameException.class)
        .hasMessageContaining("enum public.mood value 'glad' removed, 'happy' added")
        .hasMessageContaining("--rename enum:public.mood.glad=happy");
    assertThat(sql(from, to, DiffOptions.NONE.allowDropAndCreate())).containsExactly(
        "CREATE TYPE public.mood_sluice_new AS ENUM ('sad', 'happy')",
        "DROP TYPE public.mood",
        "ALTER TYPE public.mood_sluice_new RENAME TO mood");
  }

  @Test
  void aDroppedAndCreatedEnumWithTheSameValuesIsAnAmbiguousRename() {
    var from = Tables.schema().add(new EnumModel("public", "mood", List.of("sad", "glad"), null)).build();
    var to = Tables.schema().add(new EnumModel("public", "feeling", List.of("sad", "glad"), null)).build();
    assertThatThrownBy(() -> Differ.diff(from, to))
        .hasMessageContaining("enum public.mood dropped, public.feeling created")
        .hasMessageContaining("add .renamedFrom(\"mood\") to PgEnum feeling, or --rename enum:public.mood=feeling");
  }

  @Test
  void viewAndSchemaHintsRenameInPlace() {
    var from = Tables.schema().schemas("old_app").add(table("old_app", "t").column("a", "integer"))
        .add(new dev.sluice.schema.model.ViewModel("old_app", "v1", "SELECT 1", false, false, false, null, false, null, null))
        .build();
    var to = Tables.schema().schemas("app").add(table("app", "t").column("a", "integer"))
        .add(new dev.sluice.schema.model.ViewModel("app", "v2", "SELECT 1", false, false, false, null, false, null, null))
        .build();
    var options = DiffOptions.renames(List.of(RenameHint.schema("old_app", "app"), RenameHint.view("app", "v1", "v2")));
    assertThat(sql(from, to, options)).containsExactly("ALTER SCHEMA old_app RENAME TO app", "ALTER VIEW app.v1 RENAME TO v2");
    assertThat(sql(to, from, options.reversed()))
        .containsExactly("ALTER SCHEMA app RENAME TO old_app", "ALTER VIEW old_app.v2 RENAME TO v1");
  }

  @Test
  void addedEnumValuesMustBeCommittedBeforeUse() {
    var f = ChangeFixtures.byName("fx_enum_add");
    List<Change> changes = Differ.diff(f.from(), f.to());
    assertThat(changes.stream().filter(Change::requiresCommitAfter).map(Change::description)).containsExactly(
        "enum fx_enum_add.mood: add value very_sad", "enum fx_enum_add.mood: add value ok",
        "enum fx_enum_add.mood: add value ecstatic");
    assertThat(changes.stream().noneMatch(Change::requiresNoTransaction)).isTrue();
  }

  @Test
  void aTableMovedToAnotherSchemaIsSetSchemaAfterTheSchemaIsCreated() {
    var f = ChangeFixtures.byName("fx_move");
    assertThat(DifferAlterTest.up(f)).startsWith(
        "CREATE SCHEMA fx_move_billing",
        "ALTER TABLE fx_move.invoice SET SCHEMA fx_move_billing",
        "ALTER VIEW fx_move.open_invoices SET SCHEMA fx_move_billing",
        "ALTER VIEW fx_move_billing.open_invoices RENAME TO invoices_open",
        "ALTER TYPE fx_move.status SET SCHEMA fx_move_billing");
    // (the view's query text names the old schema in the model, so it is re-created; rows live in the table)
    assertThat(DifferAlterTest.up(f)).noneMatch(sql -> sql.startsWith("DROP TABLE") || sql.startsWith("CREATE TABLE")
        || sql.startsWith("DROP TYPE") || sql.startsWith("CREATE TYPE"));
    assertThat(DifferAlterTest.down(f)).contains("ALTER TABLE fx_move_billing.invoice SET SCHEMA fx_move", "[D] DROP SCHEMA fx_move_billing");
  }

  @Test
  void aSameShapedTableInAnotherSchemaIsAPossibleMove() {
    var from = Tables.schema().add(table("public", "invoice").column("id", "integer")).build();
    var to = Tables.schema().schemas("billing").add(table("billing", "invoice").column("id", "integer")).build();
    assertThatThrownBy(() -> Differ.diff(from, to))
        .isInstanceOf(AmbiguousRenameException.class)
        .hasMessageContaining("table public.invoice dropped, billing.invoice created")
        .hasMessageContaining("--rename public.invoice=billing.invoice")
        .hasMessageContaining("movedFrom(\"public\", \"invoice\")");
    assertThat(sql(from, to, DiffOptions.renames(List.of(RenameHint.parse("public.invoice=billing.invoice")))))
        .containsExactly("CREATE SCHEMA billing", "ALTER TABLE public.invoice SET SCHEMA billing");
  }
}
