package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenameHintTest {

  enum Feeling { SAD, HAPPY }

  static final PgEnum<Feeling> FEELING = PgEnum.of("feeling", Feeling.class).renamedFrom("mood")
      .valueRenamedFrom(Feeling.HAPPY, "GLAD");

  static final class Members extends Table<Members> {
    static final Members T = new Members();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> email = text("email_address").renamedFrom("email");
    final Column<Feeling> feeling = column("feeling", FEELING);

    private Members() {
      super("members");
      renamedFrom("users");
    }
  }

  @Test
  void schemaRenamesCollectsTableColumnEnumAndEnumValueHints() {
    assertThat(Schema.of(Members.T).renames()).containsExactly(
        RenameHint.table("public", "users", "members"),
        RenameHint.column("public", "members", "email", "email_address"),
        RenameHint.enumType("public", "mood", "feeling"),
        RenameHint.enumValue("public", "feeling", "GLAD", "HAPPY"));
  }

  @Test
  void hintsDoNotChangeTheModel() {
    assertThat(Members.T.toModel().name()).isEqualTo("members");
    assertThat(Members.T.toModel().column("email_address")).isPresent();
  }

  @Test
  void reversedSwapsOldAndNewNames() {
    assertThat(RenameHint.column("public", "members", "email", "email_address").reversed())
        .isEqualTo(RenameHint.column("public", "members", "email_address", "email"));
  }

  @Test
  void flagsRoundTrip() {
    for (RenameHint h : List.of(RenameHint.table("app", "a", "b"), RenameHint.column("app", "t", "a", "b"),
        RenameHint.enumType("app", "a", "b"), RenameHint.enumValue("app", "e", "a", "b"), RenameHint.view("app", "a", "b"),
        RenameHint.schema("a", "b"))) {
      assertThat(RenameHint.parse(h.toFlag())).isEqualTo(h);
    }
    assertThat(RenameHint.parse("users=members")).isEqualTo(RenameHint.table("public", "users", "members"));
    assertThat(RenameHint.parse("public.users.email=email_address"))
        .isEqualTo(RenameHint.column("public", "users", "email", "email_address"));
  }

  @Test
  void malformedFlagsAndHintsAreRejectedWithTheExpectedForm() {
    assertThatThrownBy(() -> RenameHint.parse("users")).hasMessageContaining("expected e.g. public.old_name=new_name");
    assertThatThrownBy(() -> RenameHint.parse("trigger:a=b")).hasMessageContaining("unknown kind 'trigger'");
    assertThatThrownBy(() -> RenameHint.parse("a.b.c.d=e")).hasMessageContaining("wrong number of name parts");
    assertThatThrownBy(() -> RenameHint.table("public", "a", "a")).hasMessageContaining("to itself");
    assertThatThrownBy(() -> new RenameHint(RenameHint.Kind.COLUMN, "public", null, "a", "b")).hasMessageContaining("parent");
  }

  static final class Invoice extends Table<Invoice> {
    static final Invoice T = new Invoice();
    final Column<Integer> id = integer("id").primaryKey();

    private Invoice() {
      super(Namespace.of("billing"), "invoice");
      movedFrom("public", "invoice");
    }
  }

  @Test
  void aQualifiedNewNameMovesTheTableToThatSchema() {
    RenameHint h = RenameHint.parse("public.invoice=billing.invoice");
    assertThat(h).isEqualTo(RenameHint.moveTable("public", "invoice", "billing", "invoice"));
    assertThat(h.targetSchema()).isEqualTo("billing");
    assertThat(h.toFlag()).isEqualTo("public.invoice=billing.invoice");
    assertThat(h.reversed()).isEqualTo(RenameHint.moveTable("billing", "invoice", "public", "invoice"));
    assertThat(RenameHint.parse("view:public.v=app.w")).isEqualTo(RenameHint.moveView("public", "v", "app", "w"));
    assertThat(RenameHint.parse("enum:public.mood=app.mood")).isEqualTo(RenameHint.moveEnum("public", "mood", "app", "mood"));
    assertThat(RenameHint.parse("public.t=public.u")).isEqualTo(RenameHint.table("public", "t", "u"));
  }

  @Test
  void movedFromDeclaresTheMoveInTheDsl() {
    assertThat(Invoice.T.renames()).containsExactly(RenameHint.moveTable("public", "invoice", "billing", "invoice"));
  }

  @Test
  void onlyTablesViewsAndEnumsMove() {
    assertThatThrownBy(() -> RenameHint.parse("public.t.a=x.b")).hasMessageContaining("only a table, view or enum can move");
    assertThatThrownBy(() -> RenameHint.parse("public.t=a.b.c")).hasMessageContaining("the new name is name or schema.name");
  }
}
