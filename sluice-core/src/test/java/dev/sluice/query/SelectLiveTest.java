package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PgTest
class SelectLiveTest {
  static final class Users extends Table<Users> {
    static final Users USERS = new Users();
    final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    final Column<String> email = varchar("email", 255).notNull().unique();
    final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

    private Users() {
      super("users");
    }
  }

  record UserSummary(UUID id, String email) {}

  static Database db;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute("create table users (id uuid primary key default gen_random_uuid(), email varchar(255) not null unique,"
        + " created_at timestamptz not null default now())",
        "insert into users(email, created_at) values ('a@acme.com', now() - interval '1 day'), ('b@acme.com', now()), ('c@other.org', now())");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void typedSelectMapsRowsThroughAConstructorReference() {
    Users u = Users.USERS;
    List<UserSummary> rows = db.select(u.id, u.email).from(u).where(u.email.ilike("%@acme.com"))
        .orderBy(u.createdAt.desc()).limit(20).fetch(UserSummary::new);
    assertThat(rows).extracting(UserSummary::email).containsExactly("b@acme.com", "a@acme.com");
  }

  @Test
  void singleColumnSelectFetchesValues() {
    Users u = Users.USERS;
    assertThat(db.select(Dsl.count()).from(u).fetchOne()).isEqualTo(3L);
    assertThat(db.select(u.email).from(u).orderBy(u.email).fetch()).containsExactly("a@acme.com", "b@acme.com", "c@other.org");
  }

  @Test
  void fetchIntoMapsByComponentNameAndNamesAMissingComponent() {
    Users u = Users.USERS;
    assertThat(db.select(u.id, u.email).from(u).where(u.email.eq("c@other.org")).fetchOptionalInto(UserSummary.class))
        .get().extracting(UserSummary::email).isEqualTo("c@other.org");
    record Wrong(UUID id, String mail) {}
    assertThatThrownBy(() -> db.select(u.id, u.email).from(u).fetchInto(Wrong.class))
        .hasMessageContaining("component 'mail' has no matching column");
  }

  @Test
  void renderedSqlIsQualifiedAndBound() {
    Users u = Users.USERS;
    var r = db.select(u.id, u.email).from(u).where(u.email.eq("x").and(u.id.isNotNull())).limit(5).render();
    assertThat(r.sql()).isEqualTo("SELECT users.id, users.email FROM users WHERE (users.email = ? AND users.id IS NOT NULL) LIMIT ?");
    assertThat(r.values()).containsExactly("x", 5L);
  }
}
