package dev.sluice.kit.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.DiffOptions;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.schema.Column;
import dev.sluice.schema.ExternalTable;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.ForeignKeyModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code Table.external("auth", "users")}: referenced by a foreign key, never created, altered or dropped by push. */
@PgTest
class ExternalTablePushLiveTest {
  static final ExternalTable AUTH_USERS = Table.external("auth", "users");
  static final Column<UUID> AUTH_USER_ID = AUTH_USERS.key("id", PgTypes.UUID_TYPE);

  static final class Profiles extends Table<Profiles> {
    static final Profiles PROFILES = new Profiles();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<UUID> userId = uuid("user_id").notNull().references(() -> AUTH_USER_ID, ForeignKeyModel.Action.CASCADE);

    private Profiles() {
      super("profiles");
    }
  }

  @Test
  void theExternalTableIsOnlyReferencedNeverCreatedAlteredOrDropped(PgTestContext pg) throws Exception {
    SchemaModel code = Schema.of(Profiles.PROFILES).toModel();
    assertThat(code.tables()).extracting(t -> t.name()).containsExactly("profiles");
    assertThat(code.schemas()).doesNotContain("auth");
    assertThat(code.externalTables()).extracting(t -> t.schema() + "." + t.name()).containsExactly("auth.users");

    pg.execute("create schema auth", "create table auth.users (id uuid primary key, email text, raw jsonb)",
        "insert into auth.users values ('00000000-0000-0000-0000-000000000001', 'a@x', null)");
    for (IntrospectOptions options : new IntrospectOptions[] {IntrospectOptions.schemas("public"), IntrospectOptions.all()}) {
      Pusher.Plan plan = Pusher.plan(pg.jdbcUrl(), code, options, DiffOptions.NONE);
      assertThat(plan.statements()).as(options.toString()).noneMatch(s -> s.startsWith("CREATE TABLE auth.") || s.contains("TABLE auth.")
          || s.contains("SCHEMA auth"));
      if (!plan.inSync()) {
        assertThat(plan.statements()).anyMatch(s -> s.contains("REFERENCES auth.users (id) ON DELETE CASCADE"));
        Pusher.apply(pg.jdbcUrl(), plan);
      }
      assertThat(Pusher.plan(pg.jdbcUrl(), code, options, DiffOptions.NONE).inSync()).as(options + ": converged").isTrue();
    }
    try (Connection c = pg.connect(); ResultSet rs = c.createStatement().executeQuery(
        "select count(*) from information_schema.columns where table_schema = 'auth' and table_name = 'users'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("auth.users keeps the columns the code does not declare").isEqualTo(3);
    }
    pg.execute("insert into public.profiles values (1, '00000000-0000-0000-0000-000000000001')",
        "delete from auth.users");
    try (Connection c = pg.connect(); ResultSet rs = c.createStatement().executeQuery("select count(*) from public.profiles")) {
      rs.next();
      assertThat(rs.getInt(1)).as("the foreign key to auth.users cascades").isZero();
    }
  }
}
