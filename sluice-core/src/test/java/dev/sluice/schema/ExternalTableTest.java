package dev.sluice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.model.SchemaModel;
import dev.sluice.types.PgTypes;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code Table.external(...)} is referenced, not modelled as a table of the schema. */
class ExternalTableTest {
  static final ExternalTable AUTH_USERS = Table.external("auth", "users");
  static final Column<UUID> AUTH_USER_ID = AUTH_USERS.key("id", PgTypes.UUID_TYPE);
  static final Column<String> AUTH_EMAIL = AUTH_USERS.column("email", PgTypes.TEXT, false);

  static final class Profiles extends Table<Profiles> {
    static final Profiles T = new Profiles();
    final Column<UUID> userId = uuid("user_id").notNull().references(() -> AUTH_USER_ID);

    private Profiles() {
      super("profiles");
    }
  }

  static final class ByEmail extends Table<ByEmail> {
    static final ByEmail T = new ByEmail();
    final Column<String> email = text("email").references(() -> AUTH_EMAIL);

    private ByEmail() {
      super("by_email");
    }
  }

  @Test
  void aReferencedExternalTableIsAnExternalTableNotATableAndItsSchemaIsNotCreated() {
    SchemaModel m = Schema.of(Profiles.T).toModel();
    assertThat(m.tables()).extracting(t -> t.name()).containsExactly("profiles");
    assertThat(m.schemas()).isEmpty();
    assertThat(m.externalTables()).singleElement().satisfies(t -> {
      assertThat(t.schema() + "." + t.name()).isEqualTo("auth.users");
      assertThat(t.primaryKey().columns()).containsExactly("id");
    });
    assertThat(m.tables().get(0).foreignKeys()).singleElement()
        .satisfies(fk -> assertThat(fk.refSchema() + "." + fk.refTable()).isEqualTo("auth.users"));
    assertThat(Schema.of(Profiles.T, AUTH_USERS).toModel()).as("listing it changes nothing").isEqualTo(m);
    assertThat(AUTH_USERS.isExternal()).isTrue();
  }

  @Test
  void aForeignKeyToAnUnkeyedColumnOfAnExternalTableIsStillRefused() {
    assertThatThrownBy(() -> Schema.of(ByEmail.T).toModel()).hasMessageContaining("which is not a primary key or unique constraint");
  }
}
