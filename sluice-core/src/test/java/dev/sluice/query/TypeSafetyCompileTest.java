package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.Javac;
import org.junit.jupiter.api.Test;

/**
 * The query DSL turns type mistakes into compile errors: each snippet misuses a typed column and
 * must fail to compile on exactly the misusing line (and a correct snippet must compile).
 */
class TypeSafetyCompileTest {

  private static final String HEADER = """
      package snip;
      import dev.sluice.query.*;
      import dev.sluice.schema.*;
      import java.time.OffsetDateTime;
      import java.util.*;
      public class Snippet {
        static final class Users extends Table<Users> {
          static final Users USERS = new Users();
          final Column<UUID> id = uuid("id").primaryKey();
          final Column<String> email = text("email").notNull();
          final Column<Integer> age = integer("age");
          final Column<OffsetDateTime> createdAt = timestamptz("created_at");
          private Users() { super("users"); }
        }
        record UserSummary(UUID id, String email) {}
        record Swapped(String id, UUID email) {}
        record WrongSecond(UUID id, Integer email) {}
        static final Users USERS = Users.USERS;
        void body(QueryFactory db) {
      """;

  /** The 1-based line of the snippet's body in the compiled source. */
  private static final long BODY_LINE = HEADER.lines().count() + 1;

  private static Javac.Result compile(String bodyLine) {
    return Javac.compile("snip.Snippet", HEADER + "    " + bodyLine + "\n  }\n}\n");
  }

  private static void assertFailsOnBodyLine(String bodyLine, String... anyOfMessages) {
    Javac.Result r = compile(bodyLine);
    assertThat(r.success()).as("should not compile: " + bodyLine).isFalse();
    assertThat(r.errors()).as(r.describe()).isNotEmpty().allSatisfy(e -> {
      assertThat(e.line()).as(r.describe()).isEqualTo(BODY_LINE);
      assertThat(e.sourceLine()).isEqualTo(bodyLine);
    });
    assertThat(r.errors().get(0).message()).as(r.describe()).containsAnyOf(anyOfMessages);
  }

  @Test
  void aCorrectSnippetCompiles() {
    Javac.Result r = compile("List<UserSummary> rows = db.select(USERS.id, USERS.email).from(USERS)"
        + ".where(USERS.email.eq(\"a@b.c\").and(USERS.id.eq(UUID.randomUUID())).and(USERS.age.in(1, 2))"
        + ".and(USERS.createdAt.gt(OffsetDateTime.now()))).fetch(UserSummary::new);"
        + " String first = db.select(USERS.email).from(USERS).fetchOne();"
        + " List<UserSummary> mapped = db.select(USERS.id, USERS.email).from(USERS).fetchInto(UserSummary.class);");
    assertThat(r.success()).as(r.describe()).isTrue();
  }

  @Test
  void comparingAStringColumnWithAnIntDoesNotCompile() {
    assertFailsOnBodyLine("Condition c = USERS.email.eq(42);", "no suitable method", "incompatible types");
  }

  @Test
  void comparingAUuidColumnWithAStringDoesNotCompile() {
    assertFailsOnBodyLine("Condition c = USERS.id.eq(\"x\");", "no suitable method", "incompatible types");
  }

  @Test
  void comparingATimestampWithAnIntDoesNotCompile() {
    assertFailsOnBodyLine("Condition c = USERS.createdAt.gt(42);", "no suitable method", "incompatible types");
  }

  @Test
  void inWithMixedTypesOnAStringColumnDoesNotCompile() {
    assertFailsOnBodyLine("Condition c = USERS.email.in(\"a\", 1);", "int cannot be converted to java.lang.String");
  }

  @Test
  void fetchIntoAConstructorWithMatchingTypesCompiles() {
    Javac.Result r = compile("List<UserSummary> rows = db.select(USERS.id, USERS.email).from(USERS).fetch(UserSummary::new);");
    assertThat(r.success()).as(r.describe()).isTrue();
  }

  @Test
  void fetchIntoAConstructorWithSwappedTypesDoesNotCompile() {
    assertFailsOnBodyLine("List<Swapped> rows = db.select(USERS.id, USERS.email).from(USERS).fetch(Swapped::new);",
        "incompatible types", "no suitable method", "invalid constructor reference");
  }

  @Test
  void fetchIntoAConstructorWithAWrongSecondTypeDoesNotCompile() {
    assertFailsOnBodyLine(
        "List<WrongSecond> rows = db.select(USERS.id, USERS.email).from(USERS).fetch(WrongSecond::new);",
        "incompatible types", "no suitable method", "invalid constructor reference");
  }

  @Test
  void fetchOneOfASingleColumnReturnsTheColumnType() {
    assertThat(compile("String e = db.select(USERS.email).from(USERS).fetchOne();").success()).isTrue();
    assertFailsOnBodyLine("Integer e = db.select(USERS.email).from(USERS).fetchOne();",
        "incompatible types: java.lang.String cannot be converted to java.lang.Integer");
    assertFailsOnBodyLine("List<UUID> e = db.select(USERS.email).from(USERS).fetch();", "incompatible types");
  }
}
