package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.query.Dsl;
import dev.sluice.query.Placeholder;
import dev.sluice.query.Row;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.Sql;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class PreparedQueryLiveTest {
  static final class Users extends Table<Users> {
    static final Users USERS = new Users();
    final Column<Integer> id = column("id", PgTypes.INTEGER);
    final Column<String> email = column("email", PgTypes.TEXT);
    final Column<Integer> age = column("age", PgTypes.INTEGER);

    private Users() {
      super("users");
    }
  }

  record User(int id, String email) {}

  static final Placeholder<String> EMAIL = Placeholder.of("email", PgTypes.TEXT);
  static final Placeholder<Integer> MIN_AGE = Placeholder.of("min_age", PgTypes.INTEGER);
  static final Placeholder<Integer> ID = Placeholder.of("id", PgTypes.INTEGER);
  static final Placeholder<Integer> AGE = Placeholder.of("age", PgTypes.INTEGER);

  static Database db;
  static PgTestContext ctx;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    ctx = pg;
    pg.execute("create table users (id int primary key, email text not null, age int)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void seed() {
    ctx.execute("truncate users", "insert into users values (1, 'a@x.org', 20), (2, 'b@x.org', 30), (3, 'c@x.org', 40)");
  }

  @AfterEach
  void noConnectionLeaks() {
    PoolLeakCheck.assertNoLeaks(db);
  }

  @Test
  void rendersOnceAndRunsManyTimesWithDifferentValues() {
    Users u = Users.USERS;
    AtomicInteger renders = new AtomicInteger();
    QueryPart counted = ctx -> {
      renders.incrementAndGet();
      ctx.sql("true");
    };
    PreparedQuery byEmail = db.prepare(db.select(u.id, u.email).from(u).where(u.email.eq(EMAIL).and(Dsl.condition("{}", counted))));
    assertThat(byEmail.sql()).endsWith("WHERE (users.email = ? AND (true))").doesNotContain("@");
    assertThat(byEmail.placeholders()).containsExactly(EMAIL);
    for (String email : List.of("a@x.org", "b@x.org", "c@x.org", "a@x.org")) {
      assertThat(byEmail.bind(EMAIL, email).fetchInto(User.class)).extracting(User::email).containsExactly(email);
    }
    assertThat(byEmail.bind(EMAIL, "nobody").fetchRows()).isEmpty();
    assertThat(renders.get()).isEqualTo(1);
  }

  @Test
  void typedPlaceholdersBindTypedValuesAndReadRows() {
    Users u = Users.USERS;
    PreparedQuery older = db.prepare(db.select(u.email, u.age).from(u).where(u.age.ge(MIN_AGE)).orderBy(u.age));
    List<Row> rows = older.bind(MIN_AGE, 30).fetchRows();
    assertThat(rows).extracting(r -> r.get(u.email)).containsExactly("b@x.org", "c@x.org");
    assertThat(older.bind(MIN_AGE, 35).fetchValues(u.email)).containsExactly("c@x.org");
    assertThat(older.bind(MIN_AGE, 0).fetchMapped(r -> r.get(u.age))).containsExactly(20, 30, 40);
    assertThat(older.bind(MIN_AGE, null).fetchRows()).isEmpty(); // age >= NULL matches nothing
  }

  @Test
  void aMissingPlaceholderFailsNamingIt() {
    Users u = Users.USERS;
    PreparedQuery q = db.prepare(db.select(u.id).from(u).where(u.email.eq(EMAIL).and(u.age.ge(MIN_AGE))));
    assertThatThrownBy(() -> q.bind(EMAIL, "a@x.org").fetchRows())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(":min_age is not bound");
  }

  @Test
  void bindingAPlaceholderTheQueryDoesNotHaveFailsNamingIt() {
    Users u = Users.USERS;
    PreparedQuery q = db.prepare(db.select(u.id).from(u).where(u.email.eq(EMAIL)));
    assertThatThrownBy(() -> q.bind(MIN_AGE, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":min_age does not occur").hasMessageContaining(":email");
  }

  @Test
  void runningAQueryWithPlaceholdersDirectlyFailsNamingThem() {
    Users u = Users.USERS;
    assertThatThrownBy(() -> db.select(u.id).from(u).where(u.email.eq(EMAIL)).fetch())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("placeholder :email has no value");
    assertThatThrownBy(() -> Dsl.condition("{}", EMAIL).renderInline()).hasMessageContaining(":email");
  }

  @Test
  void preparedDmlInsideATransaction() {
    int inserted = db.transaction(tx -> {
      PreparedQuery insert = tx.prepare(Sql.sql("insert into users (id, email, age) values ({}, {}, {})", ID, EMAIL, AGE));
      int n = 0;
      for (int i = 10; i < 15; i++) n += insert.bind(ID, i).bind(EMAIL, "u" + i + "@x.org").bind(AGE, i).execute();
      return n;
    });
    assertThat(inserted).isEqualTo(5);
    assertThat(db.select(Dsl.field(PgTypes.BIGINT, "(select count(*) from users)")).fetchOne()).isEqualTo(8);
  }

  @Test
  void executeBatchRunsOneStatementPerItem() {
    PreparedQuery update = db.prepare(Sql.sql("update users set age = {} where id = {}", AGE, ID));
    int[] counts = update.executeBatch(List.of(1, 2, 3, 99), (q, id) -> q.bind(ID, id).bind(AGE, id * 100));
    assertThat(counts).containsExactly(1, 1, 1, 0);
    assertThat(db.select(Dsl.field(PgTypes.BIGINT, "(select sum(age) from users)")).fetchOne()).isEqualTo(600);

    PreparedQuery insert = db.prepare(Sql.sql("insert into users (id, email, age) values ({}, {}, {})", ID, EMAIL, AGE));
    List<Integer> ids = IntStream.range(100, 200).boxed().toList();
    int[] inserted = insert.executeBatch(ids, (q, id) -> q.bind(ID, id).bind(EMAIL, id + "@x.org").bind(AGE, null));
    assertThat(inserted).hasSize(100);
    assertThat(db.select(Dsl.field(PgTypes.BIGINT, "(select count(*) from users where age is null)")).fetchOne()).isEqualTo(100);
  }
}
