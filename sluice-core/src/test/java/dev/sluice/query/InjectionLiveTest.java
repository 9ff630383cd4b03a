package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.runtime.DataAccessException;
import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.Identifiers;
import dev.sluice.sql.Sql;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile strings in every value and identifier position of the query DSL and {@code sql} templates
 * are stored and read back verbatim (or rejected with a clear error), never executed: a canary table
 * survives every attempt.
 */
@PgTest
class InjectionLiveTest {
  /** Quotes, statement separators, comments, backslashes, dollar quotes, placeholders, unicode tricks. */
  static final List<String> HOSTILE = List.of(
      "'", "''", "\"", "'; drop table canary; --", "\"; drop table canary; --", "x' or '1'='1",
      "'); drop table canary; select ('", "/* */", "*/ drop table canary; /*", "-- comment", "\\", "\\'", "\\\\'; drop table canary; --",
      "$$; drop table canary; $$", "$x$ drop table canary $x$", "{}", "{0}", "?", "??", ":name", "%s", "%", "_",
      "E'\\x27'", "\u202Eevil\u202C", "\u200F\u200Ertl", "😀🔥 emoji", "ünïcödé ẞ", "\u2028\u2029", "\r\n\t",
      "\uFEFFbom", "null", "NULL", "");

  static final class Canary extends Table<Canary> {
    static final Canary CANARY = new Canary();
    final Column<Integer> id = integer("id").primaryKey();

    private Canary() {
      super("canary");
    }
  }

  static final class Things extends Table<Things> {
    static final Things THINGS = new Things();
    final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    final Column<String> body = text("body");
    final Column<JsonNode> doc = jsonb("doc");
    final Column<String[]> tags = text("tags").array();

    private Things() {
      super("things");
    }
  }

  static final String EVIL_TABLE = "evil\"; drop table canary; --";
  static final String EVIL_COLUMN = "col'); drop table canary; /*";

  /** A table and column whose names are hostile: identifiers are quoted, never spliced. */
  static final class Evil extends Table<Evil> {
    static final Evil EVIL = new Evil();
    final Column<String> value = text(EVIL_COLUMN);

    private Evil() {
      super(EVIL_TABLE);
    }
  }

  static Database db;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute("create table canary (id integer primary key)", "insert into canary values (1)",
        "create table things (id uuid primary key default gen_random_uuid(), body text, doc jsonb, tags text[])",
        "create table " + Identifiers.quote(EVIL_TABLE) + " (" + Identifiers.quote(EVIL_COLUMN) + " text)");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @AfterEach
  void canarySurvives() {
    assertThat(db.select(Dsl.count()).from(Canary.CANARY).fetchOne()).as("canary rows").isEqualTo(1L);
  }

  @Test
  void insertUpdateAndWhereValuesRoundTripVerbatim() {
    Things t = Things.THINGS;
    for (String s : HOSTILE) {
      UUID id = db.insertInto(t).set(t.body, s).returning(t.id).fetchOne();
      assertThat(db.select(t.body).from(t).where(t.id.eq(id)).fetchOne()).isEqualTo(s);
      assertThat(db.select(Dsl.count()).from(t).where(t.id.eq(id).and(t.body.eq(s))).fetchOne()).isEqualTo(1L);
      assertThat(db.update(t).set(t.body, s + s).where(t.body.eq(s).and(t.id.eq(id))).execute()).isEqualTo(1);
      assertThat(db.select(t.body).from(t).where(t.id.eq(id)).fetchOne()).isEqualTo(s + s);
      assertThat(db.select(Dsl.count()).from(t).where(t.body.in(List.of(s, s + s)).and(t.id.eq(id))).fetchOne()).isEqualTo(1L);
      assertThat(db.deleteFrom(t).where(t.id.eq(id).and(t.body.eq(s + s))).execute()).isEqualTo(1);
    }
  }

  @Test
  void likePatternsAreBoundNotSpliced() {
    Things t = Things.THINGS;
    UUID id = db.insertInto(t).set(t.body, "plain").returning(t.id).fetchOne();
    for (String s : HOSTILE) {
      try {
        long n = db.select(Dsl.count()).from(t).where(t.id.eq(id).and(t.body.like(s).or(t.body.ilike(s)))).fetchOne();
        assertThat(n).isBetween(0L, 1L);
      } catch (DataAccessException e) {
        // a pattern ending in the escape character is rejected by PostgreSQL, clearly
        assertThat(s).endsWith("\\");
        assertThat(e.sqlState()).isEqualTo("22025");
        assertThat(e).hasMessageContaining("LIKE pattern must not end with escape character");
      }
    }
    db.deleteFrom(t).where(t.id.eq(id)).execute();
  }

  @Test
  void sqlTemplateArgumentsAreBound() {
    for (String s : HOSTILE) {
      assertThat(db.select(Dsl.field(PgTypes.TEXT, "{}::text", s)).fetchOne()).isEqualTo(s);
      assertThat(db.select(Dsl.field(PgTypes.TEXT, "concat({}, {})", s, "{}")).fetchOne()).isEqualTo(s + "{}");
      assertThat(db.select(Dsl.count()).from(Canary.CANARY).where(Dsl.condition("{} = {}", s, s)).fetchOne()).isEqualTo(1L);
      assertThat(Sql.sql("select {}", s).render().values()).containsExactly(s);
    }
  }

  @Test
  void jsonbKeysAndValuesRoundTripVerbatim() {
    Things t = Things.THINGS;
    for (String s : HOSTILE) {
      ObjectNode doc = JsonNodeFactory.instance.objectNode().put(s, s);
      doc.putArray("list").add(s);
      UUID id = db.insertInto(t).set(t.doc, doc).returning(t.id).fetchOne();
      assertThat(db.select(t.doc).from(t).where(t.id.eq(id)).fetchOne()).isEqualTo(doc);
      assertThat(db.select(Jsonb.getText(t.doc, s)).from(t).where(t.id.eq(id)).fetchOne()).isEqualTo(s);
      assertThat(db.select(Dsl.count()).from(t).where(t.id.eq(id).and(Jsonb.hasKey(t.doc, s))).fetchOne()).isEqualTo(1L);
      db.deleteFrom(t).where(t.id.eq(id)).execute();
    }
  }

  @Test
  void arrayElementsRoundTripVerbatim() {
    Things t = Things.THINGS;
    String[] all = HOSTILE.toArray(String[]::new);
    UUID id = db.insertInto(t).set(t.tags, all).returning(t.id).fetchOne();
    assertThat(db.select(t.tags).from(t).where(t.id.eq(id)).fetchOne()).containsExactly(all);
    for (String s : HOSTILE) {
      assertThat(db.select(Dsl.count()).from(t).where(t.id.eq(id).and(PgArrays.contains(t.tags, new String[] {s})))
          .fetchOne()).isEqualTo(1L);
    }
    db.deleteFrom(t).where(t.id.eq(id)).execute();
  }

  @Test
  void hostileTableAndColumnNamesAreQuoted() {
    Evil e = Evil.EVIL;
    for (String s : HOSTILE) {
      db.insertInto(e).set(e.value, s).execute();
      assertThat(db.select(e.value).from(e).where(e.value.eq(s)).fetch()).containsExactly(s);
      db.deleteFrom(e).where(e.value.eq(s)).execute();
    }
    Evil aliased = e.as("a\"; drop table canary; --");
    db.insertInto(e).set(e.value, "v").execute();
    assertThat(db.select(aliased.value).from(aliased).fetch()).containsExactly("v");
  }

  @Test
  void hostileAliasesAndCteNamesAreQuoted() {
    Things t = Things.THINGS;
    UUID id = db.insertInto(t).set(t.body, "cte").returning(t.id).fetchOne();
    for (String s : HOSTILE) {
      if (s.isEmpty()) continue; // not an identifier: covered below
      String name = s.length() > 60 ? s.substring(0, 60) : s;
      Field<String> aliased = t.body.as(name);
      List<Row> rows = db.select(aliased).from(t).where(t.id.eq(id)).fetchRows();
      assertThat(rows).hasSize(1);
      Cte cte = Cte.name(name).as(Dsl.query().select(t.id, t.body).from(t).where(t.id.eq(id)));
      assertThat(db.with(cte).select(cte.field(t.body)).from(cte).fetch()).containsExactly("cte");
    }
    assertThatThrownBy(() -> Cte.name("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    db.deleteFrom(t).where(t.id.eq(id)).execute();
  }

  @Test
  void savepointNamesAreNotUserControlledAndNestedTransactionsStillWork() {
    Things t = Things.THINGS;
    db.transaction(tx -> {
      assertThatThrownBy(() -> tx.transaction(inner -> {
        inner.insertInto(t).set(t.body, "'; rollback; --").execute();
        throw new IllegalStateException("undo");
      })).hasMessage("undo");
      return null;
    });
    assertThat(db.select(Dsl.count()).from(t).where(t.body.eq("'; rollback; --")).fetchOne()).isZero();
  }

  @Test
  void nulInTextIsRejectedWithAClearError() {
    Things t = Things.THINGS;
    assertThatThrownBy(() -> db.insertInto(t).set(t.body, "a\0b; drop table canary").execute())
        .isInstanceOf(DataAccessException.class).hasMessageContaining("invalid byte sequence").hasMessageContaining("0x00")
        .extracting(e -> ((DataAccessException) e).sqlState()).isEqualTo("22021");
    assertThatThrownBy(() -> db.select(Dsl.field(PgTypes.TEXT, "{}::text", "\0")).fetchOne())
        .isInstanceOf(DataAccessException.class).hasMessageContaining("0x00");
    assertThatThrownBy(() -> db.insertInto(t).set(t.tags, new String[] {"ok", "\0"}).execute())
        .isInstanceOf(DataAccessException.class).hasMessageContaining("0x00");
    assertThatThrownBy(() -> db.select(t.body.as("a\0b")).from(t).fetch())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
  }
}
