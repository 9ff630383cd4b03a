package dev.sluice.kit;

import static dev.sluice.schema.model.ForeignKeyModel.Action.CASCADE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.Change;
import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.PgEnum;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

// README.md "5-minute tour" runs here. KEEP IN SYNC: every ```java block of the tour must appear verbatim
// (modulo indentation) in this file; readmeTourCodeIsCopiedVerbatimIntoThisTest fails when they drift.

// --- README block 1: the schema ---
enum UserRole { MEMBER, ADMIN }

final class Users extends Table<Users> {
  public static final PgEnum<UserRole> USER_ROLE = PgEnum.of("user_role", UserRole.class);
  public static final Users USERS = new Users();

  public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
  public final Column<String> email = varchar("email", 255).notNull().unique();
  public final Column<UserRole> role = column("role", USER_ROLE).notNull().defaultValue(UserRole.MEMBER);
  public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

  private Users() {
    super("users");
  }
}

final class Posts extends Table<Posts> {
  public static final Posts POSTS = new Posts();

  public final Column<Long> id = bigint("id").generatedAlwaysAsIdentity().primaryKey();
  public final Column<UUID> authorId = uuid("author_id").notNull().references(() -> Users.USERS.id, CASCADE);
  public final Column<String> title = text("title").notNull();
  public final Column<Boolean> published = bool("published").notNull().defaultValue(false);

  private Posts() {
    super("posts");
    index().on(authorId);
  }
}

record PostSummary(Long id, String title) {}
record AuthorPost(String email, String title) {}
record UserRow(UUID id, String email, UserRole role) {}
// --- end of README block 1 ---

@PgTest
class ReadmeTourTest {

  @Test
  void theTourRunsAsWritten(PgTestContext pg) throws Exception {
    try (Database db = Database.connect(pg.jdbcUrl())) {
      // --- README block 2: create the tables ---
      SchemaModel model = Schema.of(Users.USERS, Posts.POSTS).toModel();
      List<Change> changes = Differ.diff(SchemaModel.EMPTY, model);
      System.out.println(DdlRenderer.script(changes));
      try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
        for (String ddl : DdlRenderer.render(changes)) st.execute(ddl);
      }
      // --- README block 3: some data ---
      UUID ann = db.insertInto(Users.USERS)
          .set(Users.USERS.email, "ann@example.com")
          .set(Users.USERS.role, UserRole.ADMIN)
          .returning(Users.USERS.id)
          .fetchOne();
      db.insertInto(Users.USERS).set(Users.USERS.email, "bob@example.com").execute();
      db.insertInto(Posts.POSTS)
          .set(Posts.POSTS.authorId, ann).set(Posts.POSTS.title, "Hello, Sluice").set(Posts.POSTS.published, true)
          .newRow()
          .set(Posts.POSTS.authorId, ann).set(Posts.POSTS.title, "Draft").set(Posts.POSTS.published, false)
          .execute();
      // --- README block 4: typed queries ---
      Users u = Users.USERS;
      Posts p = Posts.POSTS;

      List<PostSummary> latest = db.select(p.id, p.title)
          .from(p)
          .where(p.published.eq(true))
          .orderBy(p.id.desc())
          .limit(10)
          .fetch(PostSummary::new);

      List<AuthorPost> byAdmins = db.select(u.email, p.title)
          .from(p)
          .join(u, p.authorId.eq(u.id))
          .where(u.role.eq(UserRole.ADMIN))
          .orderBy(p.title)
          .fetch(AuthorPost::new);

      List<UserRow> users = db.select(u.id, u.email, u.role)
          .from(u)
          .orderBy(u.email)
          .fetchInto(UserRow.class);
      // --- end of README blocks ---

      assertThat(DdlRenderer.script(changes)).contains("CREATE TYPE", "CREATE TABLE", "CREATE INDEX posts_author_id_idx");
      assertThat(latest).extracting(PostSummary::title).containsExactly("Hello, Sluice");
      assertThat(byAdmins).containsExactly(new AuthorPost("ann@example.com", "Draft"),
          new AuthorPost("ann@example.com", "Hello, Sluice"));
      assertThat(users).extracting(UserRow::email, UserRow::role).containsExactly(
          org.assertj.core.groups.Tuple.tuple("ann@example.com", UserRole.ADMIN),
          org.assertj.core.groups.Tuple.tuple("bob@example.com", UserRole.MEMBER));
    }
  }

  @Test
  void readmeTourCodeIsCopiedVerbatimIntoThisTest() throws Exception {
    String readme = Files.readString(findUp("README.md"));
    int start = readme.indexOf("## 5-minute tour");
    assertThat(start).as("README has a 5-minute tour section").isGreaterThanOrEqualTo(0);
    int end = readme.indexOf("\n## ", start + 1);
    String tour = readme.substring(start, end < 0 ? readme.length() : end);
    String self = normalize(Files.readString(findUp("sluice-kit/src/test/java/dev/sluice/kit/ReadmeTourTest.java")));
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(tour);
    while (m.find()) blocks.add(normalize(m.group(1)));
    assertThat(blocks).as("java blocks in the tour").hasSizeGreaterThanOrEqualTo(3);
    for (String b : blocks) {
      assertThat(self).as("README tour block is not in ReadmeTourTest.java:\n" + b).contains(b);
    }
  }

  private static String normalize(String code) {
    return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  private static Path findUp(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.exists(candidate)) return candidate;
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
