package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.ParentTable;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** {@code inherits(() -> Parent.T)}: the parents in order, only the child's own columns, keys on inherited columns. */
class TableInheritsTest {
  static final class Event extends Table<Event> {
    static final Event T = new Event();
    final Column<Long> id = bigint("id").notNull();
    final Column<OffsetDateTime> at = timestamptz("at");

    private Event() {
      super("event");
      check("event_id_check", "id > 0");
    }
  }

  static final class Tagged extends Table<Tagged> {
    static final Tagged T = new Tagged();
    final Column<String> tag = text("tag");

    private Tagged() {
      super("tagged");
    }
  }

  static final class Login extends Table<Login> {
    static final Login T = new Login();
    final Column<String> userName = text("user_name");

    private Login() {
      super("login");
      inherits(() -> Event.T);
      inherits(() -> Tagged.T);
      primaryKey(Event.T.id);
      index().on(userName, Event.T.at);
    }
  }

  /** Only inherited columns: no columns of its own is fine for a child. */
  static final class Archived extends Table<Archived> {
    static final Archived T = new Archived();

    private Archived() {
      super("archived");
      inherits(() -> Login.T);
      primaryKey(Event.T.id);
    }
  }

  static final class Orphan extends Table<Orphan> {
    static final Orphan T = new Orphan();
    final Column<String> x = text("x");

    private Orphan() {
      super("orphan");
      inherits(() -> Tagged.T);
    }
  }

  static final class Self extends Table<Self> {
    static final Self T = new Self();
    final Column<String> x = text("x");

    private Self() {
      super("self");
      inherits(() -> Self.T);
    }
  }

  @Test
  void aChildListsItsParentsInOrderAndOnlyItsOwnColumnsAndMayKeyAnInheritedColumn() {
    TableModel login = Login.T.toModel();
    assertThat(login.inherits()).containsExactly(new ParentTable("public", "event"), new ParentTable("public", "tagged"));
    assertThat(login.columns()).extracting(c -> c.name()).containsExactly("user_name");
    assertThat(login.checks()).isEmpty();
    assertThat(login.primaryKey().columns()).containsExactly("id");
    TableModel archived = Archived.T.toModel();
    assertThat(archived.columns()).isEmpty();
    assertThat(archived.inherits()).containsExactly(new ParentTable("public", "login"));
    SchemaModel m = Schema.of(Event.T, Tagged.T, Login.T, Archived.T).toModel();
    assertThat(m.tables()).hasSize(4);
    assertThat(Event.T.toModel().inherits()).isEmpty();
  }

  @Test
  void aParentOutsideTheSchemaOrATableInheritingItselfIsRefused() {
    assertThatThrownBy(() -> Schema.of(Orphan.T).toModel())
        .hasMessageContaining("table public.orphan inherits public.tagged, which is not a table of this schema");
    assertThatThrownBy(Self.T::toModel).hasMessageContaining("table self inherits itself");
  }

  /** A parent of its own, so that building it does not freeze the tables the other tests build. */
  static final class Note extends Table<Note> {
    static final Note T = new Note();
    final Column<Long> id = bigint("id").notNull();
    final Column<OffsetDateTime> at = timestamptz("at");
    final Column<String> userName = text("user_name").defaultSql("'anonymous'");

    private Note() {
      super("note");
    }
  }

  static final class Overriding extends Table<Overriding> {
    static final Overriding T = new Overriding();
    final Column<String> note = text("note");

    private Overriding() {
      super("overriding");
      inherits(() -> Note.T);
      inheritedColumn("at").defaultSql("now()").notNull();
      inheritedColumn("user_name").noDefault();
    }
  }

  @Test
  void aChildsOwnDefaultsAndNotNullOnInheritedColumnsAreInItsModel() {
    var t = Schema.of(Note.T, Overriding.T).toModel().table("public", "overriding").orElseThrow();
    assertThat(t.inheritedColumns()).containsExactly(new dev.sluice.schema.model.InheritedColumnModel("at", "now()", false, true),
        new dev.sluice.schema.model.InheritedColumnModel("user_name", null, true, false));
    assertThat(t.columns()).extracting(c -> c.name()).containsExactly("note");
  }

  static final class BadOverrides extends Table<BadOverrides> {
    static final BadOverrides T = new BadOverrides();
    final Column<String> remark = text("remark");

    private BadOverrides() {
      super("bad_overrides");
      inherits(() -> Note.T);
      inheritedColumn("remark").notNull();
      inheritedColumn("nope").notNull();
      inheritedColumn("at");
    }
  }

  @Test
  void anOverrideOfAnOwnOrMissingColumnOrOfNothingIsRefused() {
    assertThatThrownBy(() -> Schema.of(Note.T, BadOverrides.T).toModel()).isInstanceOf(SchemaDefinitionException.class)
        .hasMessageContaining("inheritedColumn(remark) names a column the table declares itself")
        .hasMessageContaining("inheritedColumn(nope) names no column of its parents")
        .hasMessageContaining("inherited column at overrides nothing of its parent's");
  }
}
